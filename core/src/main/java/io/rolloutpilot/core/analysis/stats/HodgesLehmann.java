package io.rolloutpilot.core.analysis.stats;

/**
 * Hodges–Lehmann shift and one-sided bounds from the order statistics of the pairwise differences:
 * lower = D_(k), upper = D_(mn+1−k). With the exact null distribution (no ties, m, n ≤ 50, no
 * autocorrelation deflation) k = max(1, qwilcox(α)); otherwise k = max(1, ⌊mn/2 − z_{1−α}·σ_U/f⌋)
 * with the tie-corrected σ_U and the autocorrelation factor f, so the bounds widen as the p-value does.
 */
public final class HodgesLehmann {
  private HodgesLehmann() {}

  public static ShiftEstimate estimate(double[] canary, double[] baseline, Ranking ranking, PValueMethod method,
      double rho, double alphaPerSide) {
    if (!(alphaPerSide > 0 && alphaPerSide < 0.5)) {
      throw new IllegalArgumentException("alpha per side must be in (0, 0.5): " + alphaPerSide);
    }
    PairwiseDifferences differences = new PairwiseDifferences(canary, baseline);
    long mn = differences.size();
    boolean exact = method == PValueMethod.EXACT && rho == 0;
    long k = exact ? exactK(ranking, alphaPerSide) : normalK(ranking, rho, alphaPerSide);
    k = Math.max(1, Math.min(k, (mn + 1) / 2));
    return new ShiftEstimate(differences.median(), differences.orderStatistic(k),
        differences.orderStatistic(mn + 1 - k), alphaPerSide, k, exact ? "exact" : "normal");
  }

  private static long exactK(Ranking ranking, double alpha) {
    return new ExactNullDistribution(ranking.m(), ranking.n()).quantile(alpha);
  }

  private static long normalK(Ranking ranking, double rho, double alpha) {
    double sigma = NormalApproximation.sigmaU(ranking) / LagOneAutocorrelation.deflation(rho);
    double z = NormalDistribution.upperQuantile(alpha);
    double mn = (double) ranking.m() * ranking.n();
    return (long) Math.floor(mn / 2 - z * sigma);
  }
}
