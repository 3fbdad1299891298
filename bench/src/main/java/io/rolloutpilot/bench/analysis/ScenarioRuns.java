package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.MetricData;
import io.rolloutpilot.core.analysis.judge.MetricResult;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Runs a scenario many times from one seed and tallies how often each rule says FAILED, and why ours did. */
final class ScenarioRuns {
  private final OurJudgeRule ours;
  private final List<CanaryRule> others;
  private final int historySteps;
  private final double alpha;

  /** @param historySteps the baseline history each run carries before its window (0 = none) */
  ScenarioRuns(OurJudgeRule ours, List<CanaryRule> others, int historySteps, double alpha) {
    this.ours = ours;
    this.others = List.copyOf(others);
    this.historySteps = historySteps;
    this.alpha = alpha;
  }

  /**
   * {@code runs} runs of the scenario, drawn from one random stream set by the seed and the scenario's
   * place in the bench, so that two scenarios never share their draws and a seed always gives the same runs.
   */
  ScenarioTally run(Scenario scenario, int scenarioIndex, int runs, long seed) {
    RunDraw draw = new RunDraw(new SyntheticSeries(new Random(streamSeed(seed, scenarioIndex))), historySteps);
    ScenarioTally tally = new ScenarioTally(1 + others.size(), alpha);
    boolean[] failed = new boolean[1 + others.size()];
    for (int run = 0; run < runs; run++) {
      List<MetricData> metrics = draw.draw(scenario);
      List<MetricResult> results = ours.decide(metrics);
      failed[0] = ours.aggregatesToFailed(results);
      tally.breakdown().record(results, failed[0]);
      tally.dispersion().add(metrics.get(0).baseline().steps().numerators());
      for (int r = 0; r < others.size(); r++) {
        failed[r + 1] = others.get(r).failed(metrics);
      }
      tally.record(failed);
    }
    return tally.endSeed();
  }

  static long streamSeed(long seed, int scenarioIndex) {
    return new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L * (scenarioIndex + 1)).nextLong();
  }
}
