package io.rolloutpilot.core.analysis.stats;

/**
 * Everything the judge and the report need from comparing one metric's canary and baseline samples.
 *
 * @param rho the ρ̂ used (also in {@code test().rho()}) with where it was estimated
 */
public record Comparison(MannWhitneyResult test, ShiftEstimate shift, Descriptive canary, Descriptive baseline,
    RhoEstimate rho) {

  /** Δ̂ / median(baseline); NaN when the baseline median is 0. */
  public double relativeChange() {
    return baseline.median() == 0 ? Double.NaN : shift.estimate() / Math.abs(baseline.median());
  }

  /** mean(canary)/mean(baseline); NaN if either mean is 0 (Kayenta semantics). */
  public double meanRatio() {
    return canary.mean() == 0 || baseline.mean() == 0 ? Double.NaN : canary.mean() / baseline.mean();
  }

  public double cles() {
    return test.cles();
  }
}
