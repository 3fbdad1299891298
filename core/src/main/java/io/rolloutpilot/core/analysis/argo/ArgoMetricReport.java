package io.rolloutpilot.core.analysis.argo;

import java.util.List;

/**
 * One metric of a followed AnalysisRun, as the build page shows it:
 * Argo's phase and counts against the metric's limits, and every measurement we saw.
 *
 * @param phase Argo's metric phase (empty before its first measurement)
 * @param evaluated false when it was never measured, or terminated before reaching its count
 * @param reason one line saying why it has this phase
 * @param count Argo's count of non-error measurements
 * @param expectedCount the effective count, null when unbounded or templated
 * @param taken every measurement Argo took (its counters), which may exceed {@code measurements.size()}
 *     when some were taken before we started following
 */
public record ArgoMetricReport(String name, String phase, boolean dryRun, boolean evaluated, String reason,
    int count, Integer expectedCount, int successful, int failed, int inconclusive, int error, int consecutiveError,
    int failureLimit, int inconclusiveLimit, int consecutiveErrorLimit, String successCondition,
    String failureCondition, String query, int taken, List<ArgoMeasurement> measurements) {
  public ArgoMetricReport {
    measurements = List.copyOf(measurements);
  }

  /** "failed 1/2 allowed, inconclusive 0/0 allowed, consecutive errors 0/4 allowed". */
  public String limits() {
    return "failed " + failed + "/" + (failureLimit < 0 ? "∞" : failureLimit) + " allowed, inconclusive "
        + inconclusive + "/" + inconclusiveLimit + " allowed, consecutive errors " + consecutiveError + "/"
        + consecutiveErrorLimit + " allowed";
  }
}
