package io.rolloutpilot.core.analysis.argo;

import io.rolloutpilot.core.analysis.AnalysisOutcome;
import io.rolloutpilot.core.analysis.Verdict;
import java.time.Duration;
import java.util.List;

/**
 * The Mode A verdict with what the build page shows for an AnalysisRun.
 *
 * @param run the last state seen of the followed run; null when none was found
 * @param metrics per metric: phase, counts against limits and every measurement we kept
 * @param warnings static template findings and notes such as measurements we missed
 */
public record ArgoAnalysisResult(Verdict verdict, String reason, String namespace, String rollout,
    AnalysisRunState run, List<ArgoMetricReport> metrics, List<String> warnings, int measurementsKept,
    int measurementsTaken, Duration elapsed) implements AnalysisOutcome {
  public ArgoAnalysisResult {
    metrics = List.copyOf(metrics);
    warnings = List.copyOf(warnings);
  }

  public String mode() {
    return "argo";
  }
}
