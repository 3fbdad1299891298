package io.rolloutpilot.core.analysis.spec;

/** The bad direction of a metric: which way a canary must not move. */
public enum Direction {
  INCREASE(1),
  DECREASE(-1),
  EITHER(0);

  private final int sign;

  Direction(int sign) {
    this.sign = sign;
  }

  /** +1, −1, or 0 for both. */
  public int sign() {
    return sign;
  }

  /** α for each tested side: both sides get α/2 for {@code either}. */
  public double alphaPerSide(double alpha) {
    return this == EITHER ? alpha / 2 : alpha;
  }
}
