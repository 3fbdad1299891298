package io.rolloutpilot.cli.demo;

import io.rolloutpilot.core.rollout.follow.FollowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one demo release did, for the summary.
 *
 * @param furthestStep the highest step index reached (an abort resets the index, so it is tracked as it goes)
 * @param analysis AnalysisRun name to its final phase
 */
record DemoRelease(String title, String image, FollowResult result, int furthestStep, int stepCount,
    Map<String, String> analysis) {

  boolean wasAborted() {
    return result.outcome() == FollowResult.Outcome.DEGRADED && result.rollout() != null
        && result.rollout().status().abort();
  }

  /** The outcome in Argo's capitalisation: Healthy, Degraded, ... */
  String outcome() {
    String name = result.outcome().name();
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("  %-14s%s", title, image));
    String verdict = analysis.isEmpty() ? "no analysis ran" : "analysis " + analysis.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    String steps = "reached step " + furthestStep + "/" + stepCount;
    lines.add(String.format("  %-14s%s in %s; %s; %s", "", outcome(), DemoLog.seconds(result.elapsed()),
        steps, verdict));
    if (result.outcome() != FollowResult.Outcome.HEALTHY) {
      lines.add(String.format("  %-14s%s", "", result.reason()));
    }
    return lines;
  }
}
