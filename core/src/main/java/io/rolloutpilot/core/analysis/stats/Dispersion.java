package io.rolloutpilot.core.analysis.stats;

import java.util.Locale;

/**
 * The dispersion factor φ the count test's variance was multiplied by, and where it came from, so the page
 * can explain it. φ = 1 is the binomial (Poisson) variance the plain test assumes.
 *
 * @param factor the φ used: the estimate's upper confidence bound, never below 1
 * @param estimate X²/df of the baseline's per-interval counts (NaN when none was made)
 * @param degreesOfFreedom what the estimate rests on: the intervals measured, less one per segment
 * @param source where it was estimated, or why it was not
 */
public record Dispersion(double factor, double estimate, int degreesOfFreedom, String source) {
  /** The plain binomial variance, when no per-interval counts were given. */
  public static final Dispersion POISSON = new Dispersion(1, Double.NaN, 0, "Poisson assumed: no per-step counts");

  public Dispersion {
    if (!(factor >= 1)) {
      throw new IllegalArgumentException("the dispersion factor is at least 1: " + factor);
    }
  }

  /** For example "7.01 (baseline window and history, X²/df 6.12 on 138 df, upper 90% bound 7.01)". */
  public String describe() {
    return String.format(Locale.ROOT, "%.3g (%s)", factor, source);
  }
}
