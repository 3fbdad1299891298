package io.rolloutpilot.core.analysis.stats;

/**
 * Canary vs baseline error totals: the pooled two-proportion z test, or Fisher's exact test when any
 * expected count n·p̂ or n·(1 − p̂) is below 5. Requests are not independent, so this is a sensitive
 * detector rather than an exact test (reference §6.3.5).
 */
public final class CountTest {
  public static final double MIN_EXPECTED = 5.0;

  private CountTest() {}

  public static CountTestResult test(double canaryEvents, double canaryTotal, double baselineEvents,
      double baselineTotal) {
    if (canaryTotal <= 0 || baselineTotal <= 0 || canaryEvents < 0 || baselineEvents < 0
        || canaryEvents > canaryTotal || baselineEvents > baselineTotal) {
      throw new IllegalArgumentException("count test needs 0 ≤ events ≤ total and total > 0 in both groups");
    }
    double pooled = (canaryEvents + baselineEvents) / (canaryTotal + baselineTotal);
    double smallest = Math.min(Math.min(canaryTotal, baselineTotal) * pooled,
        Math.min(canaryTotal, baselineTotal) * (1 - pooled));
    if (smallest < MIN_EXPECTED) {
      return fisher(canaryEvents, canaryTotal, baselineEvents, baselineTotal);
    }
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / canaryTotal + 1 / baselineTotal));
    double z = (canaryEvents / canaryTotal - baselineEvents / baselineTotal) / se;
    return new CountTestResult(canaryEvents, canaryTotal, baselineEvents, baselineTotal,
        NormalDistribution.sf(z), NormalDistribution.cdf(z), "two-proportion-z", z);
  }

  static CountTestResult fisher(double canaryEvents, double canaryTotal, double baselineEvents,
      double baselineTotal) {
    long ec = Math.round(canaryEvents);
    long nc = Math.round(canaryTotal);
    long events = ec + Math.round(baselineEvents);
    long total = nc + Math.round(baselineTotal);
    long low = Math.max(0, nc - (total - events));
    long high = Math.min(events, nc);
    double[] logWeights = new double[(int) (high - low + 1)];
    for (long k = low; k < high; k++) {
      int i = (int) (k - low);
      logWeights[i + 1] = logWeights[i] + Math.log((double) (events - k) * (nc - k))
          - Math.log((double) (k + 1) * (total - events - nc + k + 1));
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double w : logWeights) {
      max = Math.max(max, w);
    }
    double all = 0;
    double atLeast = 0;
    double atMost = 0;
    for (long k = low; k <= high; k++) {
      double w = Math.exp(logWeights[(int) (k - low)] - max);
      all += w;
      atLeast += k >= ec ? w : 0;
      atMost += k <= ec ? w : 0;
    }
    return new CountTestResult(canaryEvents, canaryTotal, baselineEvents, baselineTotal,
        Math.min(1.0, atLeast / all), Math.min(1.0, atMost / all), "fisher-exact", Double.NaN);
  }
}
