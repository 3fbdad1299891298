package io.rolloutpilot.core.analysis.stats;

/**
 * Weakens a one-sided p-value by scaling its normal score: p′ = 1 − Φ(Φ⁻¹(1 − p)·f) for 0 &lt; f ≤ 1.
 * This is how a variance found to be larger than a test assumed (by autocorrelation, by overdispersion) is
 * applied to a p-value from any method, exact ones included: z/sqrt(inflation) is the z the test would
 * have given with the right variance.
 */
final class NormalScore {
  private NormalScore() {}

  static double scaled(double p, double factor) {
    if (factor >= 1.0 || p >= 1.0) {
      return p;
    }
    return NormalDistribution.sf(NormalDistribution.upperQuantile(p) * factor);
  }
}
