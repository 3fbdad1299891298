package io.rolloutpilot.core.analysis.spec;

import java.util.Map;

/**
 * Score thresholds (0–100), configured group weights (groups without one share the rest equally)
 * and how many INCONCLUSIVE, INSUFFICIENT_DATA or NO_DATA metrics a PASSED verdict tolerates.
 */
public record ScoringSpec(double pass, double marginal, Map<String, Double> groupWeights, int allowInconclusive) {
  public ScoringSpec {
    groupWeights = Map.copyOf(groupWeights);
  }

  public static ScoringSpec defaults() {
    return new ScoringSpec(95, 75, Map.of(), 0);
  }
}
