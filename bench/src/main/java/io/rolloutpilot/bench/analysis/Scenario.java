package io.rolloutpilot.bench.analysis;

import java.util.Locale;

/**
 * One kind of synthetic canary: both groups' traffic over a window of {@code steps} samples of
 * {@code stepSeconds}, with the lag-1 autocorrelation {@code phi} of the per-step fluctuations.
 *
 * @param baselineErrorRatio true 5xx share of the baseline
 * @param canaryErrorRatio true 5xx share of the canary (equal in A/A runs)
 * @param latencySigma log-sd of the per-step p99 latency around its median
 * @param errorGammaShape shape k of a Gamma(k, 1/k) factor on each step's error rate, drawn per step and group
 *     (gamma–Poisson counts: errors arrive in bursts); infinite for none
 * @param bursts latency bursts on top of the per-step noise ({@link LatencyBursts#NONE} for none)
 */
public record Scenario(String name, int steps, int stepSeconds, double requestsPerSecond, double baselineErrorRatio,
    double canaryErrorRatio, double latencyMedian, double latencySigma, double phi, double errorGammaShape,
    LatencyBursts bursts) {

  /** 20 steps of 30 s at 100 req/s per group, 0.2 % errors, p99 250 ms (log-sd 0.05), independent steps. */
  static Scenario aa(String name) {
    return new Scenario(name, 20, 30, 100, 0.002, 0.002, 0.25, 0.05, 0.0, Double.POSITIVE_INFINITY,
        LatencyBursts.NONE);
  }

  Scenario withCanaryErrorRatio(double ratio) {
    return new Scenario(name, steps, stepSeconds, requestsPerSecond, baselineErrorRatio, ratio, latencyMedian,
        latencySigma, phi, errorGammaShape, bursts);
  }

  Scenario withPhi(double lagOne) {
    return new Scenario(name, steps, stepSeconds, requestsPerSecond, baselineErrorRatio, canaryErrorRatio,
        latencyMedian, latencySigma, lagOne, errorGammaShape, bursts);
  }

  /** Gamma-distributed per-step error rates whose baseline counts have var/mean {@code dispersion}. */
  Scenario withErrorDispersion(double dispersion) {
    return new Scenario(name, steps, stepSeconds, requestsPerSecond, baselineErrorRatio, canaryErrorRatio,
        latencyMedian, latencySigma, phi, ErrorCountModel.gammaShapeFor(this, dispersion), bursts);
  }

  Scenario withBursts(LatencyBursts latencyBursts) {
    return new Scenario(name, steps, stepSeconds, requestsPerSecond, baselineErrorRatio, canaryErrorRatio,
        latencyMedian, latencySigma, phi, errorGammaShape, latencyBursts);
  }

  /** The same process over another number of steps (the baseline's history before the window). */
  public Scenario withSteps(int otherSteps) {
    return new Scenario(name, otherSteps, stepSeconds, requestsPerSecond, baselineErrorRatio, canaryErrorRatio,
        latencyMedian, latencySigma, phi, errorGammaShape, bursts);
  }

  boolean overdispersed() {
    return Double.isFinite(errorGammaShape);
  }

  public String parameters() {
    String errors = overdispersed() ? String.format(Locale.ROOT, ", per-step error rate x Gamma(shape %.2f)",
        errorGammaShape) : "";
    String latency = bursts == LatencyBursts.NONE ? "" : "; " + bursts.describe();
    return String.format(Locale.ROOT, "%d x %ds steps, %.0f req/s per group, error ratio %.2f%% -> %.2f%%%s,"
        + " p99 latency median %.0f ms (log-sd %.2f), lag-1 autocorrelation %.1f%s", steps, stepSeconds,
        requestsPerSecond, 100 * baselineErrorRatio, 100 * canaryErrorRatio, errors, 1000 * latencyMedian,
        latencySigma, phi, latency);
  }
}
