package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.analysis.judge.Aggregator;
import io.rolloutpilot.core.analysis.judge.DecisionSettings;
import io.rolloutpilot.core.analysis.judge.MetricData;
import io.rolloutpilot.core.analysis.judge.MetricDecider;
import io.rolloutpilot.core.analysis.judge.MetricResult;
import io.rolloutpilot.core.analysis.spec.ScoringSpec;
import io.rolloutpilot.core.analysis.stats.MannWhitneyTest;
import io.rolloutpilot.core.analysis.stats.RhoEstimator;
import io.rolloutpilot.core.analysis.stats.TwoSampleComparator;
import java.util.ArrayList;
import java.util.List;

/** Our judge as the CLI runs it: the per-metric decision, then the aggregation, on the final look. */
final class OurJudgeRule implements CanaryRule {
  static final double ALPHA = 0.01;
  /** Baseline steps before each window: window.rhoHistory 1h at the 30 s step, 6x the 20-step window. */
  static final int HISTORY_STEPS = 120;

  private final MetricDecider decider;
  private final Aggregator aggregator;
  private final DecisionSettings settings;
  private final int historySteps;

  /** @param historySteps the baseline history the runs carry (window.rhoHistory in steps; 0 = off) */
  OurJudgeRule(MetricDecider decider, Aggregator aggregator, DecisionSettings settings, int historySteps) {
    this.decider = decider;
    this.aggregator = aggregator;
    this.settings = settings;
    this.historySteps = historySteps;
  }

  /** With the spec defaults: alpha 0.01, the autocorrelation correction on, {@link #HISTORY_STEPS} of history. */
  static OurJudgeRule standard() {
    return new OurJudgeRule(new MetricDecider(new TwoSampleComparator(new MannWhitneyTest())), new Aggregator(),
        new DecisionSettings(ALPHA, true, false), HISTORY_STEPS);
  }

  @Override
  public String name() {
    return "rollout-pilot judge";
  }

  @Override
  public String parameters() {
    String history = historySteps == 0 ? "off" : "on, " + historySteps + " baseline steps before the window"
        + " (used for rho-hat when >= " + RhoEstimator.HISTORY_FACTOR + "x the window's samples, else in-window)";
    return "one-sided Mann-Whitney + HL bounds + count test, alpha " + settings.alpha() + ", rho correction "
        + (settings.autocorrelation() ? "on" : "off") + ", rhoHistory " + history + ", margins as in the metric specs";
  }

  @Override
  public boolean failed(List<MetricData> metrics) {
    return aggregatesToFailed(decide(metrics));
  }

  /** Whether the aggregation of these per-metric results is FAILED. */
  boolean aggregatesToFailed(List<MetricResult> results) {
    return aggregator.aggregate(results, ScoringSpec.defaults()).verdict() == Verdict.FAILED;
  }

  List<MetricResult> decide(List<MetricData> metrics) {
    List<MetricResult> results = new ArrayList<>(metrics.size());
    for (MetricData data : metrics) {
      results.add(decider.decide(data, settings));
    }
    return results;
  }
}
