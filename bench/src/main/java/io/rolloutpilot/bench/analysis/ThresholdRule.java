package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.MetricData;
import io.rolloutpilot.core.analysis.spec.MetricKind;
import java.util.List;
import java.util.Locale;

/**
 * Flagger's rule: every interval each metric's value is checked
 * against a fixed maximum; a breach or a missing value is a failed check, failed checks accumulate,
 * and the canary is rolled back once they reach {@code threshold}.
 */
final class ThresholdRule implements CanaryRule {
  private final double maxErrorRatio;
  private final double maxLatency;
  private final int threshold;

  ThresholdRule(double maxErrorRatio, double maxLatency, int threshold) {
    this.maxErrorRatio = maxErrorRatio;
    this.maxLatency = maxLatency;
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return "threshold (Flagger-style)";
  }

  @Override
  public String parameters() {
    return String.format(Locale.ROOT, "error ratio max %.2f%%, p99 latency max %.0f ms, checked every step,"
        + " rollback at %d cumulative failed checks", 100 * maxErrorRatio, 1000 * maxLatency, threshold);
  }

  @Override
  public boolean failed(List<MetricData> metrics) {
    int failedChecks = 0;
    for (MetricData data : metrics) {
      double max = data.metric().kind() == MetricKind.RATIO ? maxErrorRatio : maxLatency;
      for (double value : data.canary().grid()) {
        if (Double.isNaN(value) || value > max) {
          failedChecks++;
        }
      }
    }
    return failedChecks >= threshold;
  }
}
