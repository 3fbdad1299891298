package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.stats.HistoryRho;

/**
 * The baseline's cleaned samples from before the canary started, in time order, used only to estimate ρ̂
 * (reference §6.3.6). Missing history is never an error: it only means the in-window estimate is used.
 *
 * @param values the cleaned samples (NaN handled by the metric's nan policy); empty when unavailable
 * @param unavailable why there is no history (off, fetch failed, …); null when it was fetched
 * @param rho ρ̂ of the values, worked out once here rather than at every look
 */
public record BaselineHistory(double[] values, String unavailable, HistoryRho rho) {
  public static final BaselineHistory OFF = unavailable("window.rhoHistory is off");

  public BaselineHistory {
    values = values.clone();
  }

  public static BaselineHistory of(double[] values) {
    return new BaselineHistory(values, null, HistoryRho.of(values));
  }

  public static BaselineHistory unavailable(String why) {
    return new BaselineHistory(new double[0], why, HistoryRho.NONE);
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  public int size() {
    return values.length;
  }
}
