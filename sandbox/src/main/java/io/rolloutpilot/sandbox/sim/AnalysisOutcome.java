package io.rolloutpilot.sandbox.sim;

import java.time.Duration;
import java.util.List;

/**
 * The result the simulator writes into an AnalysisRun's status, standing in for metric evaluation.
 *
 * @param phase Successful, Failed, Error or Inconclusive
 * @param delay how long the run stays Running first
 */
public record AnalysisOutcome(String phase, String message, Duration delay, List<MetricResult> metricResults) {
  public AnalysisOutcome {
    message = message == null ? "" : message;
    delay = delay == null ? Duration.ZERO : delay;
    metricResults = metricResults == null ? List.of() : List.copyOf(metricResults);
  }

  public static AnalysisOutcome successful() {
    return new AnalysisOutcome("Successful", "", Duration.ZERO, List.of());
  }

  public static AnalysisOutcome failed(String message) {
    return new AnalysisOutcome("Failed", message, Duration.ZERO, List.of());
  }

  public static AnalysisOutcome error(String message) {
    return new AnalysisOutcome("Error", message, Duration.ZERO, List.of());
  }

  public static AnalysisOutcome inconclusive(String message) {
    return new AnalysisOutcome("Inconclusive", message, Duration.ZERO, List.of());
  }

  public AnalysisOutcome after(Duration newDelay) {
    return new AnalysisOutcome(phase, message, newDelay, metricResults);
  }

  public AnalysisOutcome withMetricResults(List<MetricResult> results) {
    return new AnalysisOutcome(phase, message, delay, results);
  }

  /** One {@code status.metricResults[]} entry; counts are derived from the measurements. */
  public record MetricResult(String name, String phase, String message, List<Measurement> measurements) {
    public MetricResult {
      message = message == null ? "" : message;
      measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }
  }

  /** One measurement; {@code value} as Argo stores it, e.g. "[0.99]" for a Prometheus vector. */
  public record Measurement(String phase, String value, String message) {}
}
