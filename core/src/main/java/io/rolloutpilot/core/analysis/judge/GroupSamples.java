package io.rolloutpilot.core.analysis.judge;

/**
 * One group's cleaned samples for one metric, on the step grid.
 *
 * @param values cleaned values in time order (NaN dropped or zero-filled per the metric's nan policy)
 * @param grid the raw value at every grid point (NaN where Prometheus had no sample), for sparklines
 * @param numeratorTotal for ratios: Σ numerator over steps where both parts are present (else NaN)
 * @param denominatorTotal for ratios: Σ denominator over those steps — the group's volume
 */
public record GroupSamples(double[] values, double[] grid, int nanDropped, int missingSteps, double numeratorTotal,
    double denominatorTotal) {
  public int count() {
    return values.length;
  }
}
