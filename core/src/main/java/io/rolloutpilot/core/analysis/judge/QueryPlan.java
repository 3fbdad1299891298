package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.spec.MetricSpec;
import java.util.List;

/** A metric with its PromQL resolved for each group: one query, or numerator then denominator. */
public record QueryPlan(MetricSpec metric, List<String> canaryQueries, List<String> baselineQueries) {
  public QueryPlan {
    canaryQueries = List.copyOf(canaryQueries);
    baselineQueries = List.copyOf(baselineQueries);
  }
}
