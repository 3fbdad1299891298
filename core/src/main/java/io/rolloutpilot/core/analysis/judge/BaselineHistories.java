package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.DeadlineReached;
import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.analysis.spec.WindowSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The baseline history of each metric over [t₀ − rhoHistory, t₀) on the window's step grid, fetched once per
 * judgement: the past does not change between looks, so interim looks cost no extra queries. A failed fetch
 * is kept too (as unavailable), so a flaky Prometheus is not retried for history on every look.
 */
final class BaselineHistories {
  private final MetricSource source;
  private final boolean enabled;
  private final long startMillis;
  private final long endMillis;
  private final long stepMillis;
  private final Map<QueryPlan, BaselineHistory> fetched = new HashMap<>();

  BaselineHistories(MetricSource source, AnalysisSpec spec, Instant canaryStart) {
    WindowSpec window = spec.window();
    this.source = source;
    this.enabled = spec.autocorrelation() && window.hasRhoHistory();
    this.stepMillis = window.step().toMillis();
    // The last point is one step before t₀, so no sample of the canary's own period is in the history.
    this.endMillis = canaryStart.toEpochMilli() - stepMillis;
    this.startMillis = canaryStart.toEpochMilli() - window.historyPoints() * stepMillis;
  }

  /** Attaches the metric's history to its window data (a failed window fetch gets none: it is an ERROR anyway). */
  MetricData attach(QueryPlan plan, MetricData data) {
    if (!enabled || data.failed()) {
      return data;
    }
    return data.withBaselineHistory(fetched.computeIfAbsent(plan, this::fetch));
  }

  private BaselineHistory fetch(QueryPlan plan) {
    try {
      return source.baselineHistory(plan, startMillis, endMillis, stepMillis);
    } catch (DeadlineReached e) {
      throw e;
    } catch (RuntimeException e) {
      // History only sharpens ρ̂; losing it must never stop or decide the analysis.
      return BaselineHistory.unavailable("history fetch failed: " + e.getMessage());
    }
  }
}
