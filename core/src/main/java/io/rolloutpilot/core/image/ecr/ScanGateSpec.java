package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-severity limits for the scan gate, from {@code CRITICAL=0,HIGH=5}: more findings than the limit fail. */
public record ScanGateSpec(Map<String, Integer> limits) {
  /** Severities from worst to least, as ECR names them. */
  public static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL",
      "UNDEFINED");

  public ScanGateSpec {
    limits = Map.copyOf(limits);
  }

  public static ScanGateSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid(text, "is empty");
    }
    Map<String, Integer> limits = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=", 2);
      String severity = kv[0].trim().toUpperCase(java.util.Locale.ROOT);
      if (kv.length != 2 || !SEVERITIES.contains(severity)) {
        throw invalid(text, "'" + part.trim() + "' must be SEVERITY=N with SEVERITY one of " + SEVERITIES);
      }
      try {
        int limit = Integer.parseInt(kv[1].trim());
        if (limit < 0 || limits.put(severity, limit) != null) {
          throw invalid(text, "'" + part.trim() + "' repeats a severity or is negative");
        }
      } catch (NumberFormatException e) {
        throw invalid(text, "'" + kv[1].trim() + "' is not a whole number");
      }
    }
    return new ScanGateSpec(limits);
  }

  /** The severities whose count exceeds the limit, worst first. */
  public List<String> exceeded(Map<String, Integer> counts) {
    return SEVERITIES.stream().filter(s -> limits.containsKey(s) && counts.getOrDefault(s, 0) > limits.get(s))
        .toList();
  }

  private static InvalidInputException invalid(String text, String why) {
    return new InvalidInputException("scanGate", "'" + text + "' " + why + "; use e.g. CRITICAL=0,HIGH=5");
  }
}
