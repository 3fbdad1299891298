package io.rolloutpilot.core.analysis.stats;

import java.util.Random;

/** Seeded per-interval error counts for tests: Poisson, or gamma–Poisson (negative binomial) of known dispersion. */
final class GammaPoissonCounts {
  private final Random random;

  GammaPoissonCounts(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Counts with mean {@code mean} per interval whose rate is Gamma(shape, mean/shape): var/mean = 1 + mean/shape.
   * An infinite shape gives plain Poisson counts.
   */
  double[] counts(int intervals, double mean, double shape) {
    double[] counts = new double[intervals];
    for (int i = 0; i < intervals; i++) {
      double rate = Double.isInfinite(shape) ? mean : gamma(shape) * mean / shape;
      counts[i] = poisson(rate);
    }
    return counts;
  }

  private double poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  /** Marsaglia and Tsang's method, shape ≥ 1. */
  private double gamma(double shape) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  static double[] constant(int intervals, double value) {
    double[] totals = new double[intervals];
    java.util.Arrays.fill(totals, value);
    return totals;
  }
}
