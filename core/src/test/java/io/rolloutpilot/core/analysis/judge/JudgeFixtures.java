package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.spec.Direction;
import io.rolloutpilot.core.analysis.spec.Guardrail;
import io.rolloutpilot.core.analysis.spec.Margin;
import io.rolloutpilot.core.analysis.spec.MetricKind;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import io.rolloutpilot.core.analysis.spec.NanPolicy;
import io.rolloutpilot.core.analysis.stats.MannWhitneyTest;
import io.rolloutpilot.core.analysis.stats.TwoSampleComparator;
import java.util.List;

final class JudgeFixtures {
  static final DecisionSettings FINAL = new DecisionSettings(0.01, false, false);

  private JudgeFixtures() {}

  static MetricDecider decider() {
    return new MetricDecider(new TwoSampleComparator(new MannWhitneyTest()));
  }

  static MetricSpec query(String name, Margin margin, Guardrail guardrail, int minSamples, boolean critical,
      boolean mustHaveData) {
    return new MetricSpec(name, MetricKind.QUERY, "q{ {{selector}} }", null, null, Direction.INCREASE, margin,
        guardrail, minSamples, 0, NanPolicy.DROP, critical, mustHaveData, "default");
  }

  static MetricSpec ratio(String name, Margin margin, double minVolume) {
    return new MetricSpec(name, MetricKind.RATIO, null, "n{ {{selector}} }", "d{ {{selector}} }",
        Direction.INCREASE, margin, Guardrail.NONE, 10, minVolume, NanPolicy.DROP, true, false, "errors");
  }

  static MetricData data(MetricSpec metric, double[] canary, double[] baseline) {
    return new MetricData(metric, times(Math.max(canary.length, baseline.length)), group(canary), group(baseline),
        List.of("q{c}"), List.of("q{b}"), List.of(), null);
  }

  static GroupSamples group(double[] values) {
    double[] grid = values.clone();
    return new GroupSamples(values, grid, 0, 0, Double.NaN, Double.NaN);
  }

  static long[] times(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = 60_000L * i;
    }
    return t;
  }
}
