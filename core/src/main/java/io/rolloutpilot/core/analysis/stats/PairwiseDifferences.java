package io.rolloutpilot.core.analysis.stats;

import java.util.Arrays;

/**
 * The mn differences x_i − y_j, never materialised: the k-th smallest is found by bisection over the
 * ordered bit patterns of doubles with an O(m + n) two-pointer count, so it is exact (the smallest
 * double t with #{x − y ≤ t} ≥ k is the k-th difference itself) and costs O((m + n)·64) even when mn is
 * in the millions. ±∞ are clamped to ±1e300 so that ∞ − ∞ is a tie, not NaN.
 */
public final class PairwiseDifferences {
  private static final double CLAMP = 1e300;

  private final double[] x;
  private final double[] y;

  public PairwiseDifferences(double[] canary, double[] baseline) {
    this.x = sortedClamped(canary);
    this.y = sortedClamped(baseline);
  }

  private static double[] sortedClamped(double[] values) {
    double[] copy = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      copy[i] = Math.max(-CLAMP, Math.min(CLAMP, values[i]));
    }
    Arrays.sort(copy);
    return copy;
  }

  public long size() {
    return (long) x.length * y.length;
  }

  /** The k-th smallest difference, 1 ≤ k ≤ mn. */
  public double orderStatistic(long k) {
    if (k < 1 || k > size()) {
      throw new IllegalArgumentException("order statistic " + k + " outside 1.." + size());
    }
    long lo = sortable(x[0] - y[y.length - 1]) - 1;
    long hi = sortable(x[x.length - 1] - y[0]);
    while (hi - 1 > lo) {
      long mid = (lo & hi) + ((lo ^ hi) >> 1);
      if (countAtMost(unsortable(mid)) >= k) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return unsortable(hi) + 0.0;
  }

  /** The Hodges–Lehmann estimate: the median of the differences. */
  public double median() {
    long size = size();
    if (size % 2 == 1) {
      return orderStatistic((size + 1) / 2);
    }
    return (orderStatistic(size / 2) + orderStatistic(size / 2 + 1)) / 2.0;
  }

  /** #{(i, j): x_i − y_j ≤ t}. */
  long countAtMost(double t) {
    long count = 0;
    int first = 0;
    int n = y.length;
    for (double xi : x) {
      while (first < n && xi - y[first] > t) {
        first++;
      }
      count += n - first;
    }
    return count;
  }

  private static long sortable(double value) {
    long bits = Double.doubleToLongBits(value);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  private static double unsortable(long key) {
    long bits = key ^ ((key >> 63) & Long.MAX_VALUE);
    return Double.longBitsToDouble(bits);
  }
}
