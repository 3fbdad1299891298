package io.rolloutpilot.core.analysis.argo;

import java.util.List;

/**
 * One {@code status.metricResults[]} entry. The counts are Argo's running totals; {@code measurements}
 * holds only what Argo still keeps (the last 10 by default).
 *
 * @param count successful + failed + inconclusive (errors are not counted)
 */
public record ArgoMetricStatus(String name, String phase, String message, int count, int successful, int failed,
    int inconclusive, int error, int consecutiveError, boolean dryRun, List<ArgoMeasurement> measurements) {
  public ArgoMetricStatus {
    measurements = List.copyOf(measurements);
  }

  /** Every measurement Argo has taken, errors included. */
  public int taken() {
    return successful + failed + inconclusive + error;
  }
}
