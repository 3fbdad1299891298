package io.rolloutpilot.core.analysis.argo;

import java.util.ArrayList;
import java.util.List;

/** Builds the per-metric reports of a run from its spec, its status and the measurements we accumulated. */
final class MetricReports {

  List<ArgoMetricReport> of(AnalysisRunState run, MeasurementLog log) {
    List<ArgoMetricReport> reports = new ArrayList<>();
    for (ArgoMetricSpec spec : run.metrics()) {
      reports.add(report(run, spec, log.measurements(spec.name())));
    }
    return reports;
  }

  private ArgoMetricReport report(AnalysisRunState run, ArgoMetricSpec spec, List<ArgoMeasurement> seen) {
    ArgoMetricStatus status = run.result(spec.name()).orElse(null);
    String phase = status == null ? "" : status.phase();
    int count = status == null ? 0 : status.count();
    boolean shortOfCount = run.terminated() && spec.count() != null && count < spec.count();
    boolean evaluated = count > 0 && !shortOfCount;
    String reason = reason(run, spec, status, count);
    return new ArgoMetricReport(spec.name(), phase, run.dryRun(spec.name()), evaluated, reason, count, spec.count(),
        status == null ? 0 : status.successful(), status == null ? 0 : status.failed(),
        status == null ? 0 : status.inconclusive(), status == null ? 0 : status.error(),
        status == null ? 0 : status.consecutiveError(), spec.failureLimit(), spec.inconclusiveLimit(),
        spec.consecutiveErrorLimit(), spec.successCondition(), spec.failureCondition(), spec.query(),
        Math.max(status == null ? 0 : status.taken(), seen.size()), seen);
  }

  private static String reason(AnalysisRunState run, ArgoMetricSpec spec, ArgoMetricStatus status, int count) {
    String prefix = run.dryRun(spec.name()) ? "dry-run (ignored): " : "";
    if (status == null || status.taken() == 0) {
      return prefix + (run.completed() ? "never measured; the run ended before its first measurement"
          : "no measurement yet");
    }
    switch (status.phase()) {
      case "Failed":
        return prefix + "failed (" + status.failed() + ") > failureLimit (" + spec.failureLimit() + ")" + last(status);
      case "Inconclusive":
        return prefix + "inconclusive (" + status.inconclusive() + ") > inconclusiveLimit ("
            + spec.inconclusiveLimit() + ")" + last(status);
      case "Error":
        return prefix + "consecutive errors (" + status.consecutiveError() + ") > consecutiveErrorLimit ("
            + spec.consecutiveErrorLimit() + ")" + last(status);
      case "Successful":
        if (count == 0) {
          return prefix + "only errors, no measurement met or missed a condition" + last(status);
        }
        if (run.terminated() && spec.count() != null && count < spec.count()) {
          return prefix + "measured " + count + " of count " + spec.count() + " before the run was terminated";
        }
        return prefix + count + " measurement(s) (" + status.successful() + " successful), within its limits";
      default:
        return prefix + "measuring: " + count + (spec.count() == null ? "" : " of " + spec.count()) + " so far";
    }
  }

  private static String last(ArgoMetricStatus status) {
    if (!status.message().isEmpty()) {
      return ": " + status.message();
    }
    List<ArgoMeasurement> kept = status.measurements();
    if (kept.isEmpty()) {
      return "";
    }
    ArgoMeasurement latest = kept.get(kept.size() - 1);
    String detail = !latest.message().isEmpty() ? latest.message() : latest.value();
    return detail.isEmpty() ? "" : "; last: " + latest.phase() + " " + detail;
  }
}
