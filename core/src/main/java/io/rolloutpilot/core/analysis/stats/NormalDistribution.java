package io.rolloutpilot.core.analysis.stats;

/**
 * The standard normal distribution to full double precision: a power series near the centre and
 * the Laplace continued fraction for the tails (relative accuracy in the tail, where p-values live),
 * and an inverse refined by Halley steps against that CDF.
 */
public final class NormalDistribution {
  private static final double INV_SQRT_2PI = 0.3989422804014327;
  private static final double SQRT_2PI = 2.5066282746310002;
  private static final double SERIES_LIMIT = 3.0;
  private static final int FRACTION_TERMS = 300;

  private NormalDistribution() {}

  public static double density(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** Φ(x) = Pr(Z ≤ x). */
  public static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    return x < 0 ? upperTailOfPositive(-x) : 1.0 - upperTailOfPositive(x);
  }

  /** 1 − Φ(x) = Pr(Z > x), accurate in relative terms for large x. */
  public static double sf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    return x >= 0 ? upperTailOfPositive(x) : 1.0 - upperTailOfPositive(-x);
  }

  private static double upperTailOfPositive(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    if (x < SERIES_LIMIT) {
      double sum = x;
      double term = x;
      double x2 = x * x;
      for (int k = 1; k < 200 && term > 1e-17 * sum; k++) {
        term *= x2 / (2 * k + 1);
        sum += term;
      }
      return 0.5 - density(x) * sum;
    }
    double t = x;
    for (int k = FRACTION_TERMS; k >= 1; k--) {
      t = x + k / t;
    }
    return density(x) / t;
  }

  /** Φ⁻¹(p): the z with Pr(Z ≤ z) = p. */
  public static double quantile(double p) {
    if (Double.isNaN(p) || p < 0 || p > 1) {
      return Double.NaN;
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (p > 0.5) {
      return -lowerQuantile(1.0 - p);
    }
    return lowerQuantile(p);
  }

  /** The z with Pr(Z > z) = q, exact in the far upper tail. */
  public static double upperQuantile(double q) {
    return -quantile(q);
  }

  private static double lowerQuantile(double p) {
    double x = initialGuess(p);
    for (int i = 0; i < 8; i++) {
      double e = cdf(x) - p;
      double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
      double next = x - u / (1 + 0.5 * x * u);
      if (Math.abs(next - x) <= 1e-16 * Math.max(1, Math.abs(x))) {
        return next;
      }
      x = next;
    }
    return x;
  }

  /** A rational starting point (accurate to about 1e-9), polished by the Halley steps above. */
  private static double initialGuess(double p) {
    if (p < 0.02425) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
          - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
          / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
          + 3.754408661907416e+00) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
        + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
        + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
  }
}
