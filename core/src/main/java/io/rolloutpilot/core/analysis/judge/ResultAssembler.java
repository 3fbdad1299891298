package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import io.rolloutpilot.core.analysis.stats.Comparison;
import io.rolloutpilot.core.analysis.stats.CountTestResult;

/** Builds {@link MetricResult}s with the sample bookkeeping, queries, guardrail and sparkline filled in. */
final class ResultAssembler {

  MetricResult without(MetricData data, MetricVerdict verdict, String reason) {
    return build(data, verdict, reason, null, Double.NaN, false, Double.NaN);
  }

  MetricResult guardrail(MetricData data, MetricVerdict verdict, double aggregate) {
    MetricSpec metric = data.metric();
    String reason = "SLO guardrail: canary " + Directional.fmt(aggregate) + (verdict == MetricVerdict.HIGH
        ? " > max " + Directional.fmt(metric.guardrail().max()) : " < min " + Directional.fmt(metric.guardrail().min()));
    return build(data, verdict, reason, null, aggregate, true, Double.NaN);
  }

  MetricResult compared(MetricData data, Judgement judgement, Comparison comparison, CountTestResult counts,
      double aggregate, double margin) {
    return build(data, judgement.verdict(), judgement.reason(),
        MetricStatistics.of(comparison, judgement.pValue(), counts, data.baselineHistory()), aggregate, false, margin);
  }

  private MetricResult build(MetricData data, MetricVerdict verdict, String reason, MetricStatistics statistics,
      double aggregate, boolean violated, double margin) {
    MetricSpec metric = data.metric();
    GroupSamples c = data.canary();
    GroupSamples b = data.baseline();
    Sparkline sparkline = c == null ? Sparkline.empty() : Sparkline.of(data.gridTimes(), c.grid(), b.grid());
    return new MetricResult(metric.name(), metric.group(), metric.critical(), metric.direction(), verdict, reason,
        c == null ? 0 : c.count(), b == null ? 0 : b.count(), c == null ? 0 : c.nanDropped(),
        b == null ? 0 : b.nanDropped(), c == null ? 0 : c.missingSteps(), b == null ? 0 : b.missingSteps(),
        statistics, metric.guardrail(), aggregate, violated, margin, metric.margin().describe(),
        data.canaryQueries(), data.baselineQueries(), data.warnings(), sparkline);
  }
}
