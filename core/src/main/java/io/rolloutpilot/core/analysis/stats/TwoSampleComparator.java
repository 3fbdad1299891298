package io.rolloutpilot.core.analysis.stats;

/**
 * Runs the Mann–Whitney test, the Hodges–Lehmann shift with its one-sided bounds and the descriptive
 * statistics for a canary and a baseline sample given in time order.
 */
public final class TwoSampleComparator {
  private final MannWhitneyTest test;

  public TwoSampleComparator(MannWhitneyTest test) {
    this.test = test;
  }

  /**
   * @param alphaPerSide α for each one-sided bound (α/2 when both directions are bad)
   * @param correctAutocorrelation estimate ρ̂ from the ranks and deflate the evidence by it
   */
  public Comparison compare(double[] canary, double[] baseline, double alphaPerSide, boolean correctAutocorrelation) {
    return compare(canary, baseline, alphaPerSide, correctAutocorrelation, HistoryRho.NONE);
  }

  /**
   * As above, with ρ̂ of the baseline's samples from before the window, used when they are long enough
   * ({@link RhoEstimator}).
   */
  public Comparison compare(double[] canary, double[] baseline, double alphaPerSide, boolean correctAutocorrelation,
      HistoryRho baselineHistory) {
    Ranking ranking = Ranking.of(canary, baseline);
    RhoEstimate rho = correctAutocorrelation ? RhoEstimator.choose(ranking, baselineHistory) : RhoEstimate.OFF;
    MannWhitneyResult result = test.test(ranking, rho.rho());
    ShiftEstimate shift = HodgesLehmann.estimate(canary, baseline, ranking, result.method(), rho.rho(), alphaPerSide);
    return new Comparison(result, shift, Descriptive.of(canary), Descriptive.of(baseline), rho);
  }
}
