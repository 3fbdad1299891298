package io.rolloutpilot.core.analysis.judge;

/**
 * One group's cleaned samples for one metric, on the step grid.
 *
 * @param values cleaned values in time order (NaN dropped or zero-filled per the metric's nan policy)
 * @param grid the raw value at every grid point (NaN where Prometheus had no sample), for sparklines
 * @param numeratorTotal for ratios: Σ numerator over steps where both parts are present (else NaN)
 * @param denominatorTotal for ratios: Σ denominator over those steps — the group's volume
 * @param steps for ratios: the numerator and denominator of each of those steps ({@link StepCounts#NONE} otherwise)
 * @param infiniteDropped samples left out because they were ±∞ (for ratios: either part was), whatever the
 *     nan policy: an infinity is not a measurement
 */
public record GroupSamples(double[] values, double[] grid, int nanDropped, int missingSteps, double numeratorTotal,
    double denominatorTotal, StepCounts steps, int infiniteDropped) {

  /** Without per-step counts: a plain metric, or a ratio known only by its totals. */
  public GroupSamples(double[] values, double[] grid, int nanDropped, int missingSteps, double numeratorTotal,
      double denominatorTotal) {
    this(values, grid, nanDropped, missingSteps, numeratorTotal, denominatorTotal, StepCounts.NONE, 0);
  }

  /** A ratio with its per-step counts and no infinite sample left out. */
  public GroupSamples(double[] values, double[] grid, int nanDropped, int missingSteps, double numeratorTotal,
      double denominatorTotal, StepCounts steps) {
    this(values, grid, nanDropped, missingSteps, numeratorTotal, denominatorTotal, steps, 0);
  }

  public int count() {
    return values.length;
  }
}
