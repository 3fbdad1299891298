package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.MetricData;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Runs a scenario many times with a seed and counts how often each rule says FAILED. */
final class ErrorRates {
  private final List<CanaryRule> rules;
  private final int historySteps;

  /** @param historySteps the baseline history each run carries before its window (0 = none) */
  ErrorRates(List<CanaryRule> rules, int historySteps) {
    this.rules = List.copyOf(rules);
    this.historySteps = historySteps;
  }

  /** FAILED counts per rule, in the order of the rules; {@code eachRun} sees every run's data. */
  int[] failures(Scenario scenario, int runs, long seed, Consumer<List<MetricData>> eachRun) {
    // The history has its own stream so that the windows, and every rule's figures on them, are unchanged.
    BaselineRun data = new BaselineRun(new Random(seed), new Random(~seed), historySteps);
    int[] failed = new int[rules.size()];
    for (int run = 0; run < runs; run++) {
      List<MetricData> metrics = data.draw(scenario);
      eachRun.accept(metrics);
      for (int r = 0; r < rules.size(); r++) {
        failed[r] += rules.get(r).failed(metrics) ? 1 : 0;
      }
    }
    return failed;
  }
}
