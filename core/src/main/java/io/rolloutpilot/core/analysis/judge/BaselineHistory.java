package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.stats.HistoryRho;
import io.rolloutpilot.core.analysis.stats.PearsonDispersion;

/**
 * The baseline's cleaned samples from before the canary started, in time order, used only to estimate ρ̂
 * and, for ratio metrics, the dispersion of the error counts. Missing history is never an error: it only
 * means the window's own estimates are used.
 *
 * @param values the cleaned samples (NaN handled by the metric's nan policy); empty when unavailable
 * @param unavailable why there is no history (off, fetch failed, …); null when it was fetched
 * @param rho ρ̂ of the values, worked out once here rather than at every look
 * @param dispersion X² of a ratio's per-step counts ({@link PearsonDispersion#NONE} for other metrics), also once
 */
public record BaselineHistory(double[] values, String unavailable, HistoryRho rho, PearsonDispersion dispersion) {
  public static final BaselineHistory OFF = unavailable("window.rhoHistory is off");

  public BaselineHistory {
    values = values.clone();
  }

  /** A plain metric's history, or a ratio's known only by its per-step ratios. */
  public static BaselineHistory of(double[] values) {
    return new BaselineHistory(values, null, HistoryRho.of(values), PearsonDispersion.NONE);
  }

  /** A metric's history as cleaned: the values, and for a ratio its per-step counts. */
  public static BaselineHistory of(GroupSamples samples) {
    StepCounts steps = samples.steps();
    return new BaselineHistory(samples.values(), null, HistoryRho.of(samples.values()),
        PearsonDispersion.of(steps.numerators(), steps.denominators()));
  }

  public static BaselineHistory unavailable(String why) {
    return new BaselineHistory(new double[0], why, HistoryRho.NONE, PearsonDispersion.NONE);
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  public int size() {
    return values.length;
  }
}
