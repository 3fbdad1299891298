package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.MetricData;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Runs a scenario many times with a seed and counts how often each rule says FAILED. */
final class ErrorRates {
  private final List<CanaryRule> rules;

  ErrorRates(List<CanaryRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** FAILED counts per rule, in the order of the rules; {@code eachRun} sees every run's data. */
  int[] failures(Scenario scenario, int runs, long seed, Consumer<List<MetricData>> eachRun) {
    Random random = new Random(seed);
    SyntheticSeries series = new SyntheticSeries(random);
    int[] failed = new int[rules.size()];
    for (int run = 0; run < runs; run++) {
      List<MetricData> metrics = List.of(
          BenchMetrics.data(BenchMetrics.ERRORS, series.errorRatio(scenario, scenario.canaryErrorRatio()),
              series.errorRatio(scenario, scenario.baselineErrorRatio())),
          BenchMetrics.data(BenchMetrics.LATENCY, series.latency(scenario), series.latency(scenario)));
      eachRun.accept(metrics);
      for (int r = 0; r < rules.size(); r++) {
        failed[r] += rules.get(r).failed(metrics) ? 1 : 0;
      }
    }
    return failed;
  }
}
