package io.rolloutpilot.core.analysis.stats;

/**
 * The count-based comparison of error totals over the window.
 *
 * @param method {@code two-proportion-z} or {@code fisher-exact}
 * @param z the pooled two-proportion z, with the dispersion applied (NaN when Fisher's test was used)
 * @param dispersion the factor the binomial variance was multiplied by, and where it came from
 */
public record CountTestResult(double canaryEvents, double canaryTotal, double baselineEvents,
    double baselineTotal, double pGreater, double pLess, String method, double z, Dispersion dispersion) {

  public double pValue(Alternative alternative) {
    switch (alternative) {
      case GREATER: return pGreater;
      case LESS: return pLess;
      default: return Math.min(1.0, 2 * Math.min(pGreater, pLess));
    }
  }

  public double canaryRatio() {
    return canaryTotal == 0 ? Double.NaN : canaryEvents / canaryTotal;
  }

  public double baselineRatio() {
    return baselineTotal == 0 ? Double.NaN : baselineEvents / baselineTotal;
  }
}
