package io.rolloutpilot.core.analysis.stats;

/**
 * Serial correlation of per-step samples (reference §6.3.6): ρ̂ is the mean lag-1 autocorrelation of
 * the pooled ranks within each group in time order, clamped to [0, 0.95]; z is deflated by
 * sqrt((1 − ρ̂)/(1 + ρ̂)).
 */
public final class LagOneAutocorrelation {
  public static final double MAX_RHO = 0.95;

  private LagOneAutocorrelation() {}

  /** Lag-1 autocorrelation of a series; NaN when it has fewer than 3 points or no variance. */
  public static double of(double[] series) {
    int length = series.length;
    if (length < 3) {
      return Double.NaN;
    }
    double mean = 0;
    for (double v : series) {
      mean += v;
    }
    mean /= length;
    double denominator = 0;
    double numerator = 0;
    for (int t = 0; t < length; t++) {
      double d = series[t] - mean;
      denominator += d * d;
      if (t + 1 < length) {
        numerator += d * (series[t + 1] - mean);
      }
    }
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }

  /** ρ̂ for a ranking whose X and Y were given in time order. */
  public static double ofRanks(Ranking ranking) {
    double sum = 0;
    int groups = 0;
    for (boolean canary : new boolean[] {true, false}) {
      double r = of(ranking.groupRanks(canary));
      if (!Double.isNaN(r)) {
        sum += r;
        groups++;
      }
    }
    double rho = groups == 0 ? 0 : sum / groups;
    return Math.max(0, Math.min(MAX_RHO, rho));
  }

  /** The factor sqrt((1 − ρ)/(1 + ρ)) applied to z. */
  public static double deflation(double rho) {
    return Math.sqrt((1 - rho) / (1 + rho));
  }
}
