package io.rolloutpilot.core.event;

import java.util.List;
import java.util.Map;

/** The image scan finished: findings by severity, and the severities over the gate (empty: within it). */
public record ScanCompleted(String repository, String digest, Map<String, Integer> counts, List<String> exceeded)
    implements EngineEvent {
  public ScanCompleted {
    counts = Map.copyOf(counts);
    exceeded = List.copyOf(exceeded);
  }

  public boolean passed() {
    return exceeded.isEmpty();
  }
}
