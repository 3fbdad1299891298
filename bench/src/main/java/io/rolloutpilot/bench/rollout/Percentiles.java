package io.rolloutpilot.bench.rollout;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of durations in milliseconds. */
record Percentiles(int count, double p50, double p90, double p99, double max, double mean) {
  static Percentiles of(double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
        sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
  }

  private static double rank(double[] sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  String describe() {
    return String.format("n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms mean=%.2f ms", count, p50, p90, p99,
        max, mean);
  }
}
