package io.rolloutpilot.core.analysis.stats;

/**
 * Canary vs baseline error totals: the pooled two-proportion z test, or Fisher's exact test when any
 * expected count n·p̂ or n·(1 − p̂) is below 5. Both assume that requests fail independently, so that the
 * totals vary like binomial (Poisson) counts. Real errors come in bursts and vary more; with a dispersion
 * factor φ ≥ 1 the variance is taken as φ times the binomial one (quasi-binomial), which divides z by
 * sqrt(φ) and scales Fisher's p-values' normal scores alike.
 */
public final class CountTest {
  public static final double MIN_EXPECTED = 5.0;

  private CountTest() {}

  /** With the binomial variance (φ = 1). */
  public static CountTestResult test(double canaryEvents, double canaryTotal, double baselineEvents,
      double baselineTotal) {
    return test(canaryEvents, canaryTotal, baselineEvents, baselineTotal, Dispersion.POISSON);
  }

  public static CountTestResult test(double canaryEvents, double canaryTotal, double baselineEvents,
      double baselineTotal, Dispersion dispersion) {
    if (canaryTotal <= 0 || baselineTotal <= 0 || canaryEvents < 0 || baselineEvents < 0
        || canaryEvents > canaryTotal || baselineEvents > baselineTotal) {
      throw new IllegalArgumentException("count test needs 0 ≤ events ≤ total and total > 0 in both groups");
    }
    double pooled = (canaryEvents + baselineEvents) / (canaryTotal + baselineTotal);
    double smallest = Math.min(Math.min(canaryTotal, baselineTotal) * pooled,
        Math.min(canaryTotal, baselineTotal) * (1 - pooled));
    if (smallest < MIN_EXPECTED) {
      return fisher(canaryEvents, canaryTotal, baselineEvents, baselineTotal, dispersion);
    }
    double se = Math.sqrt(dispersion.factor() * pooled * (1 - pooled) * (1 / canaryTotal + 1 / baselineTotal));
    double z = (canaryEvents / canaryTotal - baselineEvents / baselineTotal) / se;
    return new CountTestResult(canaryEvents, canaryTotal, baselineEvents, baselineTotal,
        NormalDistribution.sf(z), NormalDistribution.cdf(z), "two-proportion-z", z, dispersion);
  }

  static CountTestResult fisher(double canaryEvents, double canaryTotal, double baselineEvents,
      double baselineTotal) {
    return fisher(canaryEvents, canaryTotal, baselineEvents, baselineTotal, Dispersion.POISSON);
  }

  static CountTestResult fisher(double canaryEvents, double canaryTotal, double baselineEvents,
      double baselineTotal, Dispersion dispersion) {
    double[] tails = FisherExact.tails(canaryEvents, canaryTotal, baselineEvents, baselineTotal);
    double scale = 1 / Math.sqrt(dispersion.factor());
    return new CountTestResult(canaryEvents, canaryTotal, baselineEvents, baselineTotal,
        NormalScore.scaled(tails[0], scale), NormalScore.scaled(tails[1], scale), "fisher-exact", Double.NaN,
        dispersion);
  }
}
