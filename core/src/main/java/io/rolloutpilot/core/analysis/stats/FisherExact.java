package io.rolloutpilot.core.analysis.stats;

/** Fisher's exact test of two proportions: the hypergeometric tails of the canary's event count. */
final class FisherExact {
  private FisherExact() {}

  /** {Pr(K ≥ e_c), Pr(K ≤ e_c)} for K hypergeometric given both groups' totals and the events' sum. */
  static double[] tails(double canaryEvents, double canaryTotal, double baselineEvents, double baselineTotal) {
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
    return new double[] {Math.min(1.0, atLeast / all), Math.min(1.0, atMost / all)};
  }
}
