package io.rolloutpilot.core.analysis.stats;

/**
 * Large-sample Mann–Whitney p-values with tie and continuity correction (scipy's
 * {@code method='asymptotic', use_continuity=True}). σ_U = 0 means every value is tied: no evidence, p = 1.
 */
public final class NormalApproximation {
  private NormalApproximation() {}

  /** σ_U = sqrt((mn/12)·[(N+1) − Σ(t³−t)/(N(N−1))]). */
  public static double sigmaU(Ranking ranking) {
    double m = ranking.m();
    double n = ranking.n();
    double total = m + n;
    if (total < 2) {
      return 0;
    }
    double variance = (m * n / 12.0) * ((total + 1) - ranking.tieTerm() / (total * (total - 1)));
    return variance <= 0 ? 0 : Math.sqrt(variance);
  }

  /** The continuity-corrected z for "canary higher" (or lower with {@code greater=false}). */
  public static double z(Ranking ranking, boolean greater) {
    double sigma = sigmaU(ranking);
    if (sigma == 0) {
      return Double.NaN;
    }
    double mu = ranking.m() * (double) ranking.n() / 2.0;
    double u = greater ? ranking.uX() : ranking.uY();
    return (u - mu - 0.5) / sigma;
  }

  /** One-sided p with the z deflated by the autocorrelation factor. */
  public static double oneSided(Ranking ranking, boolean greater, double deflation) {
    double z = z(ranking, greater);
    return Double.isNaN(z) ? 1.0 : NormalDistribution.sf(z * deflation);
  }

  public static double twoSided(Ranking ranking, double deflation) {
    double sigma = sigmaU(ranking);
    if (sigma == 0) {
      return 1.0;
    }
    double mu = ranking.m() * (double) ranking.n() / 2.0;
    double z = (Math.max(ranking.uX(), ranking.uY()) - mu - 0.5) / sigma;
    return Math.min(1.0, 2 * NormalDistribution.sf(z * deflation));
  }
}
