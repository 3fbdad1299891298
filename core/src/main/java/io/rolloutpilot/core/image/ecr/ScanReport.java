package io.rolloutpilot.core.image.ecr;

import java.util.List;
import java.util.Map;

/** The scan of the pushed digest: final status, counts per severity, the worst findings, and the gate's verdict. */
public record ScanReport(String status, Map<String, Integer> counts, List<String> worstFindings,
    List<String> exceeded) {
  public ScanReport {
    counts = Map.copyOf(counts);
    worstFindings = List.copyOf(worstFindings);
    exceeded = List.copyOf(exceeded);
  }

  public boolean passed() {
    return exceeded.isEmpty();
  }
}
