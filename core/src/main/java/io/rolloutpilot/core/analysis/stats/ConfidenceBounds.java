package io.rolloutpilot.core.analysis.stats;

/**
 * Upper confidence bounds for the two nuisance parameters the tests correct for: the lag-1 autocorrelation ρ
 * of the rank test and the dispersion φ of the count test. Both corrections divide z by a factor that grows
 * with the parameter, and that division is convex in it: an estimate that is right on average still
 * under-corrects on average, because the runs where it comes out low gain more false alarms than the runs
 * where it comes out high lose. The estimates are noisy (ρ̂ from 40 samples has an sd of about 0.15, X²/df of
 * bursty counts is heavy-tailed), so the tests use the upper end of a one-sided {@value #CONFIDENCE} bound
 * instead, which leans the same way for both and shrinks as the evidence behind the estimate grows.
 */
public final class ConfidenceBounds {
  public static final double CONFIDENCE = 0.90;
  private static final double Z = NormalDistribution.upperQuantile(1 - CONFIDENCE);

  private ConfidenceBounds() {}

  /**
   * ρ̂ + z·sqrt((1 − ρ̂²)/n), Bartlett's large-sample sd of a lag-1 autocorrelation estimated from n samples,
   * clamped to [0, {@link LagOneAutocorrelation#MAX_RHO}].
   */
  public static double rho(double estimate, int samples) {
    if (samples <= 0) {
      return Math.max(0, Math.min(LagOneAutocorrelation.MAX_RHO, estimate));
    }
    double bound = estimate + Z * Math.sqrt((1 - estimate * estimate) / samples);
    return Math.max(0, Math.min(LagOneAutocorrelation.MAX_RHO, bound));
  }

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
