package io.rolloutpilot.core.analysis.judge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Aligned arrays for a chart, at most {@link #MAX_POINTS} points: bucket means over the step grid,
 * null where a bucket has no finite value (a gap, not a zero).
 */
public record Sparkline(List<Long> t, List<Double> canary, List<Double> baseline) {
  public static final int MAX_POINTS = 120;

  public static Sparkline of(long[] times, double[] canary, double[] baseline) {
    int bucket = Math.max(1, (times.length + MAX_POINTS - 1) / MAX_POINTS);
    List<Long> t = new ArrayList<>();
    List<Double> c = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (int start = 0; start < times.length; start += bucket) {
      int end = Math.min(times.length, start + bucket);
      t.add(times[start]);
      c.add(mean(canary, start, end));
      b.add(mean(baseline, start, end));
    }
    return new Sparkline(Collections.unmodifiableList(t), Collections.unmodifiableList(c),
        Collections.unmodifiableList(b));
  }

  public static Sparkline empty() {
    return new Sparkline(List.of(), List.of(), List.of());
  }

  private static Double mean(double[] values, int start, int end) {
    if (values == null) {
      return null;
    }
    double sum = 0;
    int count = 0;
    for (int i = start; i < end && i < values.length; i++) {
      if (Double.isFinite(values[i])) {
        sum += values[i];
        count++;
      }
    }
    return count == 0 ? null : sum / count;
  }
}
