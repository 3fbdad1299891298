package io.rolloutpilot.core.analysis.stats;

import java.util.Arrays;

/** Count, median, mean and 95th percentile (R-7 interpolation) of one cleaned group. */
public record Descriptive(int count, double median, double mean, double p95, double min, double max) {

  public static Descriptive of(double[] values) {
    if (values.length == 0) {
      return new Descriptive(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return new Descriptive(sorted.length, quantile(sorted, 0.5), sum / sorted.length, quantile(sorted, 0.95),
        sorted[0], sorted[sorted.length - 1]);
  }

  /** R type-7 quantile of sorted values. */
  public static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int low = (int) Math.floor(h);
    int high = Math.min(sorted.length - 1, low + 1);
    if (sorted[low] == sorted[high]) {
      return sorted[low];
    }
    return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
  }
}
