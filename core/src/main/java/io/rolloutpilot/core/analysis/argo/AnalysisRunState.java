package io.rolloutpilot.core.analysis.argo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A typed, read-only view of one AnalysisRun: the metadata that links it to its Rollout, its flattened
 * metric specs and its status. Built by {@link AnalysisRunParser}.
 *
 * @param ownerUids uids of the Rollouts named in its owner references
 * @param phase "" right after creation, then Pending, Running, Successful, Failed, Error or Inconclusive
 */
public record AnalysisRunState(String name, String namespace, String uid, String creationTimestamp,
    Map<String, String> labels, List<String> ownerUids, boolean terminate, List<ArgoMetricSpec> metrics,
    List<String> dryRunPatterns, String phase, String message, String startedAt, String completedAt,
    RunSummary runSummary, RunSummary dryRunSummary, List<ArgoMetricStatus> metricResults) {
  public static final Set<String> COMPLETED = Set.of("Successful", "Failed", "Error", "Inconclusive");
  public static final String TERMINATED_MESSAGE = "Run Terminated";

  public AnalysisRunState {
    labels = Map.copyOf(labels);
    ownerUids = List.copyOf(ownerUids);
    metrics = List.copyOf(metrics);
    dryRunPatterns = List.copyOf(dryRunPatterns);
    metricResults = List.copyOf(metricResults);
  }

  public boolean completed() {
    return COMPLETED.contains(phase);
  }

  /** Ended early: {@code spec.terminate} set, or Argo's "Run Terminated" message. */
  public boolean terminated() {
    return terminate || message.contains(TERMINATED_MESSAGE);
  }

  /** {@code rollout-type}: Step, Background, PrePromotion or PostPromotion (empty if absent). */
  public String type() {
    return labels.getOrDefault("rollout-type", "");
  }

  public String stepIndex() {
    return labels.getOrDefault("step-index", "");
  }

  public Optional<ArgoMetricStatus> result(String metric) {
    return metricResults.stream().filter(r -> r.name().equals(metric)).findFirst();
  }

  /** Dry-run metrics never affect the run's phase: by {@code spec.dryRun[].metricName} regex or the status flag. */
  public boolean dryRun(String metric) {
    if (result(metric).map(ArgoMetricStatus::dryRun).orElse(false)) {
      return true;
    }
    for (String pattern : dryRunPatterns) {
      if ("*".equals(pattern) || matches(pattern, metric)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String pattern, String metric) {
    try {
      return Pattern.compile(pattern).matcher(metric).matches();
    } catch (RuntimeException e) {
      return pattern.equals(metric);
    }
  }
}
