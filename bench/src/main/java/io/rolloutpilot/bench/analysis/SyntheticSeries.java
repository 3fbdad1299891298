package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.GroupSamples;
import java.util.Random;

/**
 * Seeded per-step samples of one pod group: the error ratio of Poisson traffic whose true error rate
 * drifts with an AR(1) factor, and a log-normal p99 latency driven by its own AR(1) factor.
 */
final class SyntheticSeries {
  /** Log-sd of the error-rate drift; the mean rate is preserved. */
  static final double RATE_DRIFT = 0.3;

  private final Random random;

  SyntheticSeries(Random random) {
    this.random = random;
  }

  GroupSamples errorRatio(Scenario s, double ratio) {
    double[] values = new double[s.steps()];
    double errors = 0;
    double requests = 0;
    double[] drift = ar1(s.steps(), s.phi());
    for (int i = 0; i < s.steps(); i++) {
      double n = poisson(s.requestsPerSecond() * s.stepSeconds());
      double rate = ratio * Math.exp(RATE_DRIFT * drift[i] - RATE_DRIFT * RATE_DRIFT / 2);
      double e = poisson(n * Math.min(1, rate));
      e = Math.min(e, n);
      values[i] = n == 0 ? Double.NaN : e / n;
      errors += e;
      requests += n;
    }
    return new GroupSamples(values, values.clone(), 0, 0, errors, requests);
  }

  GroupSamples latency(Scenario s) {
    double[] values = new double[s.steps()];
    double[] drift = ar1(s.steps(), s.phi());
    for (int i = 0; i < s.steps(); i++) {
      values[i] = s.latencyMedian() * Math.exp(s.latencySigma() * drift[i]);
    }
    return new GroupSamples(values, values.clone(), 0, 0, Double.NaN, Double.NaN);
  }

  /** Standard-normal AR(1): z_t = φ·z_{t−1} + sqrt(1−φ²)·ε_t, started in its stationary distribution. */
  double[] ar1(int steps, double phi) {
    double[] z = new double[steps];
    double scale = Math.sqrt(1 - phi * phi);
    double previous = random.nextGaussian();
    for (int i = 0; i < steps; i++) {
      previous = phi * previous + scale * random.nextGaussian();
      z[i] = previous;
    }
    return z;
  }

  /** Poisson by inversion for small means, normal approximation (rounded, ≥ 0) above 50. */
  double poisson(double mean) {
    if (mean > 50) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }
}
