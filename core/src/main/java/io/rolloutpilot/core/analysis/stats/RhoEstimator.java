package io.rolloutpilot.core.analysis.stats;

/**
 * Chooses the ρ the rank test is deflated by. The in-window estimate rests on the window's own 20–60 samples
 * per group and has a standard deviation of about 0.15 at n = 20 even after bias correction, so a run whose ρ̂
 * comes out low is under-deflated and fails A/A more often than α. When the baseline was serving before
 * the canary started, its recent history is the same process (same version, same traffic) and a much
 * longer series: the sd of r shrinks like 1/√n. It is used only when it holds at least
 * {@value #HISTORY_FACTOR} × the window's larger group, so it is clearly the better estimate; otherwise,
 * or when the history is constant or missing, the in-window estimate stands (never fail open).
 *
 * <p>Either estimate is used at its upper {@link ConfidenceBounds} bound: in seeded A/A simulations with 120
 * history steps, the plug-in ρ̂ still let about 0.9 % of the rank tests fire at α = 1 % at φ = 0.5, and
 * 1.1 % under latency bursts, whose dependence lasts longer than an AR(1) with the same lag-1 value; the
 * bound brings them to about 0.35 % and 0.7 %. It is widest for the short in-window estimate, which needs it
 * most (there φ = 0.5 went from about 1.8 % to 0.6 %; φ = 0.8 from 4.3 % to 1.5 %, still above α).
 */
public final class RhoEstimator {
  /** The history must hold at least this many times the window's samples per group to be preferred. */
  public static final int HISTORY_FACTOR = 3;

  private RhoEstimator() {}

  /**
   * @param ranking the window's pooled ranking, canary and baseline in time order
   * @param baselineHistory the baseline's cleaned samples before t₀ in time order (may be empty)
   */
  public static RhoEstimate choose(Ranking ranking, double[] baselineHistory) {
    return choose(ranking, HistoryRho.of(baselineHistory));
  }

  /** As above, with the history's estimate already worked out. */
  public static RhoEstimate choose(Ranking ranking, HistoryRho history) {
    int window = Math.max(ranking.m(), ranking.n());
    if (history.samples() >= HISTORY_FACTOR * window && !Double.isNaN(history.rho())) {
      return RhoEstimate.bounded(history.rho(), RhoEstimate.Source.BASELINE_HISTORY, history.samples());
    }
    return RhoEstimate.bounded(LagOneAutocorrelation.ofRanks(ranking), RhoEstimate.Source.IN_WINDOW, ranking.total());
  }

  /**
   * The bias-corrected lag-1 autocorrelation of the history's own ranks, clamped to [0, 0.95]; NaN when it
   * has no estimate. Ranks, as in the window, so that the estimate describes what the rank test sees and a
   * few outliers cannot dominate it.
   */
  static double fromHistory(double[] history) {
    double[] ranks = midranks(history);
    double rho = LagOneAutocorrelation.biasCorrected(ranks);
    return Double.isNaN(rho) ? Double.NaN : Math.max(0, Math.min(LagOneAutocorrelation.MAX_RHO, rho));
  }

  /**
   * Midranks of one series in its own order, by binary search in a sorted primitive copy. The history can be
   * thousands of samples per metric, where {@link Ranking#of}'s boxed index sort would be the judge's most
   * expensive step; this keeps it to one primitive sort.
   */
  static double[] midranks(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    double[] ranks = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      int first = firstIndexOf(sorted, values[i]);
      int last = firstIndexAbove(sorted, values[i]) - 1;
      ranks[i] = (first + last + 2) / 2.0;
    }
    return ranks;
  }

  private static int firstIndexOf(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Double.compare(sorted[mid], value) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static int firstIndexAbove(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Double.compare(sorted[mid], value) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
