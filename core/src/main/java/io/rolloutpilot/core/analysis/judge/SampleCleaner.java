package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.spec.NanPolicy;
import java.util.Arrays;

/**
 * Puts raw Prometheus series on the step grid (Prometheus leaves out steps without a sample), counts
 * NaNs and missing steps, and applies the nan policy: drop, or zero for counters where absence means 0.
 * ±∞ (histogram_quantile beyond its buckets, a division by zero) is no measurement and is left out and
 * counted whatever the policy: zeroing +∞ would fake a fast canary, and ranking it would let an infinite
 * baseline median make any margin infinite. Ratio parts are divided step by step; a step where either part
 * is infinite counts as infinite. The totals are the sums over the steps where both parts are present and
 * finite, which with step ≥ the query's range window is the window total.
 */
public final class SampleCleaner {
  private final long[] grid;

  public SampleCleaner(long[] grid) {
    this.grid = grid.clone();
  }

  public static long[] grid(long startMillis, long endMillis, long stepMillis) {
    int points = (int) ((endMillis - startMillis) / stepMillis) + 1;
    long[] grid = new long[Math.max(0, points)];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = startMillis + i * stepMillis;
    }
    return grid;
  }

  public GroupSamples plain(TimeSeries series, NanPolicy nan) {
    double[] aligned = align(series);
    return clean(aligned, nan, grid.length - present(series), null);
  }

  public GroupSamples ratio(TimeSeries numerator, TimeSeries denominator, NanPolicy nan) {
    double[] top = align(numerator);
    double[] bottom = align(denominator);
    double[] ratio = new double[grid.length];
    double[] tops = new double[grid.length];
    double[] bottoms = new double[grid.length];
    int counted = 0;
    for (int i = 0; i < grid.length; i++) {
      double t = nan == NanPolicy.ZERO && Double.isNaN(top[i]) && !Double.isNaN(bottom[i]) ? 0 : top[i];
      if (Double.isInfinite(t) || Double.isInfinite(bottom[i])) {
        ratio[i] = Double.POSITIVE_INFINITY;
      } else {
        ratio[i] = bottom[i] == 0 || Double.isNaN(bottom[i]) ? Double.NaN : t / bottom[i];
      }
      if (!Double.isNaN(t) && !Double.isNaN(bottom[i]) && Double.isFinite(t + bottom[i])) {
        tops[counted] = t;
        bottoms[counted++] = bottom[i];
      }
    }
    int missing = grid.length - Math.min(present(numerator), present(denominator));
    StepCounts steps = new StepCounts(Arrays.copyOf(tops, counted), Arrays.copyOf(bottoms, counted));
    return clean(ratio, nan, missing, steps);
  }

  /** The raw value at each grid point, NaN where the series has no sample. */
  double[] align(TimeSeries series) {
    double[] aligned = new double[grid.length];
    Arrays.fill(aligned, Double.NaN);
    for (int k = 0; k < series.size(); k++) {
      int index = Arrays.binarySearch(grid, series.times()[k]);
      if (index >= 0) {
        aligned[index] = series.values()[k];
      }
    }
    return aligned;
  }

  private int present(TimeSeries series) {
    int present = 0;
    for (long time : series.times()) {
      present += Arrays.binarySearch(grid, time) >= 0 ? 1 : 0;
    }
    return present;
  }

  /** @param steps a ratio's counted steps, or null for a plain metric (totals NaN, no step counts) */
  private GroupSamples clean(double[] aligned, NanPolicy nan, int missing, StepCounts steps) {
    double[] kept = new double[aligned.length];
    int count = 0;
    int dropped = 0;
    int infinite = 0;
    for (double value : aligned) {
      if (Double.isInfinite(value)) {
        infinite++;
      } else if (!Double.isNaN(value)) {
        kept[count++] = value;
      } else if (nan == NanPolicy.ZERO) {
        kept[count++] = 0;
      } else {
        dropped++;
      }
    }
    int nanDropped = Math.max(0, dropped - (nan == NanPolicy.DROP ? missing : 0));
    if (steps == null) {
      return new GroupSamples(Arrays.copyOf(kept, count), aligned, nanDropped, missing, Double.NaN, Double.NaN,
          StepCounts.NONE, infinite);
    }
    return new GroupSamples(Arrays.copyOf(kept, count), aligned, nanDropped, missing, sum(steps.numerators()),
        sum(steps.denominators()), steps, infinite);
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }
}
