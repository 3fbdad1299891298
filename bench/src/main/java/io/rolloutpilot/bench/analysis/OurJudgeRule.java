package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.analysis.judge.Aggregator;
import io.rolloutpilot.core.analysis.judge.DecisionSettings;
import io.rolloutpilot.core.analysis.judge.MetricData;
import io.rolloutpilot.core.analysis.judge.MetricDecider;
import io.rolloutpilot.core.analysis.judge.MetricResult;
import io.rolloutpilot.core.analysis.spec.ScoringSpec;
import java.util.ArrayList;
import java.util.List;

/** Our judge as the CLI runs it: the per-metric decision, then the aggregation, on the final look. */
final class OurJudgeRule implements CanaryRule {
  private final MetricDecider decider;
  private final Aggregator aggregator;
  private final DecisionSettings settings;

  OurJudgeRule(MetricDecider decider, Aggregator aggregator, DecisionSettings settings) {
    this.decider = decider;
    this.aggregator = aggregator;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "rollout-pilot judge";
  }

  @Override
  public String parameters() {
    return "one-sided Mann-Whitney + HL bounds + count test, alpha " + settings.alpha() + ", rho correction "
        + (settings.autocorrelation() ? "on" : "off") + ", margins as in the metric specs";
  }

  @Override
  public boolean failed(List<MetricData> metrics) {
    return aggregator.aggregate(decide(metrics), ScoringSpec.defaults()).verdict() == Verdict.FAILED;
  }

  /** Judges the run again and hands its per-metric results to the breakdown. */
  void record(List<MetricData> metrics, FailureBreakdown breakdown) {
    List<MetricResult> results = decide(metrics);
    breakdown.record(results, aggregator.aggregate(results, ScoringSpec.defaults()).verdict() == Verdict.FAILED);
  }

  List<MetricResult> decide(List<MetricData> metrics) {
    List<MetricResult> results = new ArrayList<>(metrics.size());
    for (MetricData data : metrics) {
      results.add(decider.decide(data, settings));
    }
    return results;
  }
}
