package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.GroupSamples;
import io.rolloutpilot.core.analysis.judge.StepCounts;
import io.rolloutpilot.testkit.prometheus.SyntheticTraffic;
import java.util.Random;

/**
 * Seeded per-step samples of one pod group: the error counts of Poisson traffic whose true error rate drifts
 * with an AR(1) factor (times a gamma factor per step when the scenario is overdispersed), and a log-normal
 * p99 latency driven by its own AR(1) factor, times the scenario's latency bursts.
 */
final class SyntheticSeries {
  /** Log-sd of the error-rate drift; the mean rate is preserved. */
  static final double RATE_DRIFT = 0.3;

  private final Random random;

  SyntheticSeries(Random random) {
    this.random = random;
  }

  /** A whole window of one group's error ratio, with its own drift. */
  GroupSamples errorRatio(Scenario s, double ratio) {
    return SampleSlices.ratio(errorCounts(s, ratio, ar1(s.steps(), s.phi())), 0, s.steps());
  }

  /** A whole window of one group's p99 latency, with its own drift and bursts. */
  GroupSamples latency(Scenario s) {
    double[] values = latency(s, ar1(s.steps(), s.phi()), bursts(s.bursts(), s.bursts().ownStart(), s.steps()));
    return SampleSlices.plain(values, 0, values.length);
  }

  /** Errors and requests at each of the scenario's steps, the error rate driven by {@code drift}. */
  StepCounts errorCounts(Scenario s, double ratio, double[] drift) {
    double[] errors = new double[s.steps()];
    double[] requests = new double[s.steps()];
    double shape = s.errorGammaShape();
    for (int i = 0; i < s.steps(); i++) {
      double n = poisson(s.requestsPerSecond() * s.stepSeconds());
      double burst = s.overdispersed() ? gamma(shape) / shape : 1;
      double rate = ratio * Math.exp(RATE_DRIFT * drift[i] - RATE_DRIFT * RATE_DRIFT / 2) * burst;
      errors[i] = Math.min(n, poisson(n * Math.min(1, rate)));
      requests[i] = n;
    }
    return new StepCounts(errors, requests);
  }

  /** The p99 latency at each step: log-normal around the median, driven by {@code drift}, times {@code factors}. */
  double[] latency(Scenario s, double[] drift, double[] factors) {
    double[] values = new double[drift.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = s.latencyMedian() * Math.exp(s.latencySigma() * drift[i]) * factors[i];
    }
    return values;
  }

  /**
   * The latency factor at each step from bursts that start with probability {@code start} (1 outside a
   * burst); each burst keeps one factor, drawn log-uniformly, for its geometric length.
   */
  double[] bursts(LatencyBursts b, double start, int steps) {
    double[] factors = new double[steps];
    if (start == 0) {
      java.util.Arrays.fill(factors, 1);
      return factors;
    }
    // Steps before the first are run and dropped, so the window does not start outside a burst by rule.
    int burnIn = (int) Math.ceil(10 * b.meanLength());
    double factor = 1;
    for (int i = -burnIn; i < steps; i++) {
      if (factor != 1 && random.nextDouble() >= b.carryOn()) {
        factor = 1;
      }
      if (factor == 1 && random.nextDouble() < start) {
        factor = b.minFactor() * Math.pow(b.maxFactor() / b.minFactor(), random.nextDouble());
      }
      if (i >= 0) {
        factors[i] = factor;
      }
    }
    return factors;
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

  /** The same Poisson draw the Prometheus rig's synthetic traffic uses. */
  double poisson(double mean) {
    return SyntheticTraffic.poisson(random, mean);
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang's method; below shape 1 by the usual U^(1/shape) boost. */
  double gamma(double shape) {
    if (shape < 1) {
      return gamma(shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = random.nextGaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
