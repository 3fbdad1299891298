package io.rolloutpilot.core.analysis.stats;

/**
 * The exact null distribution of U_X for sample sizes m and n without ties, built with the recursion
 * P(u; m, n) = (m/N)·P(u − n; m−1, n) + (n/N)·P(u; m, n−1): the largest observation is an X with
 * probability m/N and then beats all n values of Y. Costs O(m·n·mn).
 */
public final class ExactNullDistribution {
  private final int m;
  private final int n;
  private final double[] pmf;

  public ExactNullDistribution(int m, int n) {
    if (m < 0 || n < 0) {
      throw new IllegalArgumentException("sample sizes must not be negative");
    }
    this.m = m;
    this.n = n;
    this.pmf = build(m, n);
  }

  private static double[] build(int m, int n) {
    double[][] previous = new double[n + 1][];
    for (int j = 0; j <= n; j++) {
      previous[j] = new double[] {1.0};
    }
    for (int i = 1; i <= m; i++) {
      double[][] current = new double[n + 1][];
      current[0] = new double[] {1.0};
      for (int j = 1; j <= n; j++) {
        current[j] = step(i, j, previous[j], current[j - 1]);
      }
      previous = current;
    }
    return previous[n];
  }

  private static double[] step(int i, int j, double[] lessX, double[] lessY) {
    double total = i + j;
    double[] next = new double[i * j + 1];
    for (int u = 0; u < lessX.length; u++) {
      next[u + j] += (i / total) * lessX[u];
    }
    for (int u = 0; u < lessY.length; u++) {
      next[u] += (j / total) * lessY[u];
    }
    return next;
  }

  /** Pr(U ≤ u). */
  public double cdf(double u) {
    double sum = 0;
    for (int k = 0; k < pmf.length && k <= u; k++) {
      sum += pmf[k];
    }
    return Math.min(1.0, sum);
  }

  /** Pr(U ≥ u). */
  public double sf(double u) {
    double sum = 0;
    for (int k = pmf.length - 1; k >= 0 && k >= u; k--) {
      sum += pmf[k];
    }
    return Math.min(1.0, sum);
  }

  /** The smallest u with Pr(U ≤ u) ≥ p (R's qwilcox). */
  public int quantile(double p) {
    double sum = 0;
    for (int k = 0; k < pmf.length; k++) {
      sum += pmf[k];
      if (sum >= p * (1 - 1e-12)) {
        return k;
      }
    }
    return m * n;
  }

  public double pmf(int u) {
    return u < 0 || u >= pmf.length ? 0 : pmf[u];
  }
}
