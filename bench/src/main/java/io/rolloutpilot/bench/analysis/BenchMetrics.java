package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.GroupSamples;
import io.rolloutpilot.core.analysis.judge.MetricData;
import io.rolloutpilot.core.analysis.spec.Direction;
import io.rolloutpilot.core.analysis.spec.Guardrail;
import io.rolloutpilot.core.analysis.spec.Margin;
import io.rolloutpilot.core.analysis.spec.MetricKind;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import io.rolloutpilot.core.analysis.spec.NanPolicy;
import java.util.List;

/** The two metrics every benchmark run judges, specified as a user would in the spec file. */
final class BenchMetrics {
  static final MetricSpec ERRORS = new MetricSpec("error-ratio", MetricKind.RATIO, null, "errors", "requests",
      Direction.INCREASE, Margin.absolute(0.002), Guardrail.NONE, 20, 1000, NanPolicy.DROP, true, false, "errors");
  static final MetricSpec LATENCY = new MetricSpec("p99-latency", MetricKind.QUERY, "p99", null, null,
      Direction.INCREASE, Margin.ratio(0.05), Guardrail.NONE, 20, 0, NanPolicy.DROP, true, false, "latency");

  private BenchMetrics() {}

  static String describe() {
    return "error-ratio (ratio, margin absolute 0.002, minVolume 1000) and p99-latency (margin 5 % of baseline"
        + " median); minSamples 20, both critical";
  }

  static MetricData data(MetricSpec spec, GroupSamples canary, GroupSamples baseline) {
    long[] grid = new long[canary.grid().length];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = i * 30_000L;
    }
    return new MetricData(spec, grid, canary, baseline, List.of(), List.of(), List.of(), null);
  }
}
