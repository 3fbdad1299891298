package io.rolloutpilot.core.analysis.spec;

import java.util.List;

/**
 * One metric of an analysis spec.
 *
 * @param query the PromQL template for {@link MetricKind#QUERY}; null for ratios
 * @param minVolume the least denominator total per group over the window (ratios only; 0 = none)
 * @param mustHaveData no data is a failure (HIGH/LOW "missing data") rather than NO_DATA
 */
public record MetricSpec(String name, MetricKind kind, String query, String numerator, String denominator,
    Direction direction, Margin margin, Guardrail guardrail, int minSamples, double minVolume, NanPolicy nan,
    boolean critical, boolean mustHaveData, String group) {

  /** The query templates this metric sends, in order: the query, or numerator then denominator. */
  public List<String> templates() {
    return kind == MetricKind.RATIO ? List.of(numerator, denominator) : List.of(query);
  }
}
