package io.rolloutpilot.testkit.ecr;

import java.util.List;
import java.util.Map;

/** What the fake's scanner reports for every image: IN_PROGRESS for a number of polls, then these findings. */
public record ScanPlan(int pollsInProgress, Map<String, Integer> counts, List<Finding> findings) {
  /** One finding as ECR's basic scanning reports it. */
  public record Finding(String name, String severity, String uri) {}

  public ScanPlan {
    counts = Map.copyOf(counts);
    findings = List.copyOf(findings);
  }
}
