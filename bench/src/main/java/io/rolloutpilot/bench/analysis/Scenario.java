package io.rolloutpilot.bench.analysis;

/**
 * One kind of synthetic canary: both groups' traffic over a window of {@code steps} samples of
 * {@code stepSeconds}, with the lag-1 autocorrelation {@code phi} of the per-step fluctuations.
 *
 * @param baselineErrorRatio true 5xx share of the baseline
 * @param canaryErrorRatio true 5xx share of the canary (equal in A/A runs)
 * @param latencySigma log-sd of the per-step p99 latency around its median
 */
public record Scenario(String name, int steps, int stepSeconds, double requestsPerSecond, double baselineErrorRatio,
    double canaryErrorRatio, double latencyMedian, double latencySigma, double phi) {

  /** The same process over another number of steps (the baseline's history before the window). */
  public Scenario withSteps(int otherSteps) {
    return new Scenario(name, otherSteps, stepSeconds, requestsPerSecond, baselineErrorRatio, canaryErrorRatio,
        latencyMedian, latencySigma, phi);
  }

  public String parameters() {
    return String.format(java.util.Locale.ROOT, "%d x %ds steps, %.0f req/s per group, error ratio %.2f%% -> %.2f%%,"
        + " p99 latency median %.0f ms (log-sd %.2f), lag-1 autocorrelation %.1f", steps, stepSeconds,
        requestsPerSecond, 100 * baselineErrorRatio, 100 * canaryErrorRatio, 1000 * latencyMedian, latencySigma, phi);
  }
}
