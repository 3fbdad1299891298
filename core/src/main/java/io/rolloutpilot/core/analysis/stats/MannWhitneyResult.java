package io.rolloutpilot.core.analysis.stats;

/**
 * One Mann–Whitney test of canary X against baseline Y.
 *
 * @param pGreater one-sided p for "canary higher"
 * @param pLess one-sided p for "canary lower"
 * @param pTwoSided min(1, 2·min(one-sided)) for the exact methods; the corrected two-sided z for the normal one
 * @param rho the lag-1 rank autocorrelation used to deflate the evidence (0 = none)
 */
public record MannWhitneyResult(int m, int n, double uX, double uY, double pGreater, double pLess,
    double pTwoSided, PValueMethod method, double sigmaU, double rho) {

  public double pValue(Alternative alternative) {
    switch (alternative) {
      case GREATER: return pGreater;
      case LESS: return pLess;
      default: return pTwoSided;
    }
  }

  /** Common-language effect size A = U_X/(mn) = P(canary > baseline) + ½·P(tie). */
  public double cles() {
    return m == 0 || n == 0 ? Double.NaN : uX / ((double) m * n);
  }

  /** Cliff's δ = 2A − 1. */
  public double cliffsDelta() {
    return 2 * cles() - 1;
  }
}
