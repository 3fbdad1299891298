package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.GroupSamples;
import io.rolloutpilot.core.analysis.judge.StepCounts;
import java.util.Arrays;

/**
 * Cuts a generated series into what the judge is given: the baseline is one series through its history and
 * the window, split at the canary's start, so the history is the same process by construction.
 */
final class SampleSlices {
  private SampleSlices() {}

  /** Steps [from, to) of a ratio: per-step ratios (NaN, then dropped, where a step had no requests) and totals. */
  static GroupSamples ratio(StepCounts counts, int from, int to) {
    double[] errors = Arrays.copyOfRange(counts.numerators(), from, to);
    double[] requests = Arrays.copyOfRange(counts.denominators(), from, to);
    double[] grid = new double[errors.length];
    double errorTotal = 0;
    double requestTotal = 0;
    for (int i = 0; i < grid.length; i++) {
      grid[i] = requests[i] == 0 ? Double.NaN : errors[i] / requests[i];
      errorTotal += errors[i];
      requestTotal += requests[i];
    }
    double[] values = Arrays.stream(grid).filter(v -> !Double.isNaN(v)).toArray();
    return new GroupSamples(values, grid, 0, 0, errorTotal, requestTotal, new StepCounts(errors, requests));
  }

  /** Steps [from, to) of a plain metric. */
  static GroupSamples plain(double[] values, int from, int to) {
    double[] window = Arrays.copyOfRange(values, from, to);
    return new GroupSamples(window, window.clone(), 0, 0, Double.NaN, Double.NaN);
  }
}
