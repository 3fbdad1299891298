package io.rolloutpilot.core.analysis.stats;

import java.util.Locale;

/**
 * Chooses the count test's dispersion factor (quasi-binomial): X²/df of the baseline's per-interval error
 * counts, in the window and, when it was fetched, in its history before the window, pooled, taken at its
 * upper {@link ConfidenceBounds} bound. Only the baseline is measured: a canary whose errors come in bursts
 * because it is broken must not widen the test that should catch it. The factor is never below 1: intervals
 * that happen to look calmer than Poisson are chance, and deflating the variance on them would make the test
 * bolder than the plain one. With fewer than {@value #MIN_DEGREES_OF_FREEDOM} degrees of freedom (ten
 * intervals) the estimate is too noisy to use and the plain variance stands.
 */
public final class DispersionEstimator {
  /** Below this X²/df is too noisy (its sd is about φ·sqrt(2/df)) to be used. */
  public static final int MIN_DEGREES_OF_FREEDOM = 9;

  private DispersionEstimator() {}

  /**
   * @param baselineWindow the baseline's per-interval counts in the window
   * @param history the same before the window ({@link PearsonDispersion#NONE} when there is none)
   */
  public static Dispersion choose(PearsonDispersion baselineWindow, PearsonDispersion history) {
    PearsonDispersion pooled = baselineWindow.plus(history);
    if (pooled.intervals() == 0) {
      return Dispersion.POISSON;
    }
    if (pooled.degreesOfFreedom() < MIN_DEGREES_OF_FREEDOM) {
      String why = pooled.intervals() > MIN_DEGREES_OF_FREEDOM ? "too few baseline errors to measure their spread"
          : "only " + pooled.intervals() + " baseline intervals, " + (MIN_DEGREES_OF_FREEDOM + 1) + " needed";
      return new Dispersion(1, Double.NaN, pooled.degreesOfFreedom(), "Poisson assumed: " + why);
    }
    double estimate = pooled.estimate();
    double bound = ConfidenceBounds.dispersion(estimate, pooled.degreesOfFreedom());
    String where = history.degreesOfFreedom() == 0 ? "baseline window"
        : baselineWindow.degreesOfFreedom() == 0 ? "baseline history" : "baseline window and history";
    String source = String.format(Locale.ROOT, "%s, X²/df %.3g on %d df, upper %.0f%% bound %.3g%s", where,
        estimate, pooled.degreesOfFreedom(), 100 * ConfidenceBounds.CONFIDENCE, bound,
        bound < 1 ? ", not below 1" : "");
    return new Dispersion(Math.max(1, bound), estimate, pooled.degreesOfFreedom(), source);
  }
}
