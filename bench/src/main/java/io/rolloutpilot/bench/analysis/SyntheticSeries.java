package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.GroupSamples;
import io.rolloutpilot.testkit.prometheus.SyntheticTraffic;
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
    return errorRatio(s, ratio, ar1(s.steps(), s.phi()));
  }

  /** The error ratio driven by a given drift series (one value per step). */
  GroupSamples errorRatio(Scenario s, double ratio, double[] drift) {
    double[] values = new double[s.steps()];
    double errors = 0;
    double requests = 0;
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
    return latency(s, ar1(s.steps(), s.phi()));
  }

  /** The p99 latency driven by a given drift series (one value per step). */
  GroupSamples latency(Scenario s, double[] drift) {
    double[] values = new double[s.steps()];
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

  /**
   * The {@code steps} values of the same AR(1) that came before {@code first}, in time order. A stationary
   * Gaussian AR(1) is time-reversible, so walking backwards with the same recursion gives the right joint
   * law, and the window's own draws (and so every other figure) stay exactly as they were.
   */
  double[] ar1Before(int steps, double phi, double first) {
    double[] z = new double[steps];
    double scale = Math.sqrt(1 - phi * phi);
    double next = first;
    for (int i = steps - 1; i >= 0; i--) {
      next = phi * next + scale * random.nextGaussian();
      z[i] = next;
    }
    return z;
  }

  /** The same Poisson draw the Prometheus rig's synthetic traffic uses. */
  double poisson(double mean) {
    return SyntheticTraffic.poisson(random, mean);
  }
}
