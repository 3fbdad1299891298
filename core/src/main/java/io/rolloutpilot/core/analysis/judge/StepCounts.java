package io.rolloutpilot.core.analysis.judge;

/**
 * A ratio metric's numerator and denominator at each step that counts towards its window totals, in time
 * order. The totals alone hide how unevenly the errors arrived; the per-step counts let the count test
 * measure that (the dispersion of real error counts is rarely the Poisson 1).
 */
public record StepCounts(double[] numerators, double[] denominators) {
  public static final StepCounts NONE = new StepCounts(new double[0], new double[0]);

  public StepCounts {
    if (numerators.length != denominators.length) {
      throw new IllegalArgumentException("one numerator per denominator: " + numerators.length + " vs "
          + denominators.length);
    }
    numerators = numerators.clone();
    denominators = denominators.clone();
  }

  @Override
  public double[] numerators() {
    return numerators.clone();
  }

  @Override
  public double[] denominators() {
    return denominators.clone();
  }

  public int size() {
    return numerators.length;
  }
}
