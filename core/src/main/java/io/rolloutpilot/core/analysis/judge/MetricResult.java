package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.spec.Direction;
import io.rolloutpilot.core.analysis.spec.Guardrail;
import java.util.List;

/**
 * One metric's verdict with everything the build page shows.
 *
 * @param reason one line a person can act on
 * @param statistics null when the judge stopped before comparing (error, no data, too few samples)
 * @param guardrailValue the canary aggregate checked against the guardrail (NaN if not reached)
 * @param margin the resolved practical margin M (NaN if not reached)
 */
public record MetricResult(String name, String group, boolean critical, Direction direction, MetricVerdict verdict,
    String reason, int canaryCount, int baselineCount, int canaryNanDropped, int baselineNanDropped,
    int canaryMissingSteps, int baselineMissingSteps, MetricStatistics statistics, Guardrail guardrail,
    double guardrailValue, boolean guardrailViolated, double margin, String marginRule, List<String> canaryQueries,
    List<String> baselineQueries, List<String> warnings, Sparkline sparkline) {
  public MetricResult {
    canaryQueries = List.copyOf(canaryQueries);
    baselineQueries = List.copyOf(baselineQueries);
    warnings = List.copyOf(warnings);
  }

  /** The same result, statistics and all, with another verdict and reason. */
  public MetricResult withVerdict(MetricVerdict newVerdict, String newReason) {
    return new MetricResult(name, group, critical, direction, newVerdict, newReason, canaryCount, baselineCount,
        canaryNanDropped, baselineNanDropped, canaryMissingSteps, baselineMissingSteps, statistics, guardrail,
        guardrailValue, guardrailViolated, margin, marginRule, canaryQueries, baselineQueries, warnings, sparkline);
  }
}
