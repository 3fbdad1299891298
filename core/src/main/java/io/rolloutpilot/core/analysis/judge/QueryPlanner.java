package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import io.rolloutpilot.core.analysis.spec.Placeholders;
import io.rolloutpilot.core.analysis.spec.Selectors;
import io.rolloutpilot.core.validation.Durations;
import io.rolloutpilot.core.validation.PodTemplateHashes;
import io.rolloutpilot.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Substitutes the pod hashes into the selectors, escaped as the label values they are, and the selectors
 * into every query.
 */
public final class QueryPlanner {
  public List<QueryPlan> plan(AnalysisSpec spec, String canaryHash, String stableHash) {
    requireHash("canaryHash", canaryHash);
    requireHash("stableHash", stableHash);
    if (canaryHash.equals(stableHash)) {
      throw new InvalidInputException("canaryHash", "equals the stable hash " + stableHash
          + "; canary and baseline would be the same pods");
    }
    Map<String, String> canary = values(spec, spec.selectors(), true, canaryHash);
    Map<String, String> baseline = values(spec, spec.selectors(), false, stableHash);
    List<QueryPlan> plans = new ArrayList<>();
    for (MetricSpec metric : spec.metrics()) {
      plans.add(new QueryPlan(metric, resolve(metric, canary), resolve(metric, baseline)));
    }
    return plans;
  }

  public String selector(AnalysisSpec spec, boolean canary, String hash) {
    String template = canary ? spec.selectors().canary() : spec.selectors().baseline();
    return Placeholders.resolveLabelValues(template, Map.of(canary ? "canaryHash" : "stableHash", hash));
  }

  private Map<String, String> values(AnalysisSpec spec, Selectors selectors, boolean canary, String hash) {
    Map<String, String> hashes = Map.of(canary ? "canaryHash" : "stableHash", hash);
    Map<String, String> values = new HashMap<>();
    values.put("selector", Placeholders.resolveLabelValues(canary ? selectors.canary() : selectors.baseline(), hashes));
    if (selectors.canaryPods() != null) {
      values.put("podSelector", Placeholders.resolveLabelValues(canary ? selectors.canaryPods()
          : selectors.baselinePods(), hashes));
    }
    values.put("step", Durations.format(spec.window().step()));
    return values;
  }

  private static List<String> resolve(MetricSpec metric, Map<String, String> values) {
    List<String> queries = new ArrayList<>();
    metric.templates().forEach(t -> queries.add(Placeholders.resolve(t, values)));
    return queries;
  }

  private static void requireHash(String field, String hash) {
    PodTemplateHashes.require(field, hash);
  }
}
