package io.rolloutpilot.core.analysis.stats;

/**
 * Upper confidence bounds for the nuisance parameters the tests correct for: the dispersion φ of the count
 * test. The correction divides z by a factor that grows with the parameter, and that division is convex in
 * it: an estimate that is right on average still under-corrects on average, because the runs where it comes
 * out low gain more false alarms than the runs where it comes out high lose. The estimate is noisy (X²/df of
 * bursty counts is heavy-tailed), so the test uses the upper end of a one-sided {@value #CONFIDENCE} bound
 * instead, which shrinks as the evidence behind the estimate grows.
 */
public final class ConfidenceBounds {
  public static final double CONFIDENCE = 0.90;

  private ConfidenceBounds() {}

  /** φ̂·df/χ²_{df}(1 − confidence): the bound that holds were X² = φ·χ²_df exactly. */
  public static double dispersion(double estimate, int degreesOfFreedom) {
    return estimate * degreesOfFreedom / chiSquareQuantile(degreesOfFreedom, 1 - CONFIDENCE);
  }

  /** The p-quantile of χ² with df degrees of freedom by Wilson and Hilferty's cube-root approximation. */
  static double chiSquareQuantile(int degreesOfFreedom, double p) {
    double h = 2.0 / (9 * degreesOfFreedom);
    double cube = 1 - h + NormalDistribution.quantile(p) * Math.sqrt(h);
    return degreesOfFreedom * cube * cube * cube;
  }
}
