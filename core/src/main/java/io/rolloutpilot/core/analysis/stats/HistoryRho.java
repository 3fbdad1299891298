package io.rolloutpilot.core.analysis.stats;

/**
 * ρ̂ of the baseline's series before the window ({@link RhoEstimator#fromHistory}), worked out once per
 * analysis: the history does not change between looks, so no judgement pays for ranking it again.
 *
 * @param samples the history's length (0 when there is none)
 * @param rho the estimate, NaN when the history gives none
 */
public record HistoryRho(int samples, double rho) {
  public static final HistoryRho NONE = new HistoryRho(0, Double.NaN);

  public static HistoryRho of(double[] history) {
    return history.length == 0 ? NONE : new HistoryRho(history.length, RhoEstimator.fromHistory(history));
  }
}
