package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.MetricVerdict;

/**
 * Infinite samples are never evidence of health. The cleaner leaves them out of both groups; what the
 * decider then made of the finite rest is kept when it is a regression or undecided, but can no longer be a
 * pass: the samples left out may be exactly where the canary was worse (a latency above the top bucket).
 * A group left with no finite sample at all is inconclusive rather than "no data": data came, and was unusable.
 */
final class InfiniteSamples {
  private InfiniteSamples() {}

  static MetricResult review(MetricData data, MetricResult result) {
    int canary = data.canary() == null ? 0 : data.canary().infiniteDropped();
    int baseline = data.baseline() == null ? 0 : data.baseline().infiniteDropped();
    if (canary + baseline == 0) {
      return result;
    }
    String infinite = canary + " canary and " + baseline + " baseline samples were infinite (±Inf: a"
        + " histogram_quantile beyond its buckets, or a division by zero)";
    return switch (result.verdict()) {
      case PASS -> result.withVerdict(MetricVerdict.INCONCLUSIVE, infinite + "; infinite values are not"
          + " measurements, so the metric cannot pass (on the finite samples alone: " + result.reason() + ")");
      case NO_DATA -> result.withVerdict(MetricVerdict.INCONCLUSIVE, infinite + ", leaving no finite "
          + (data.canary().count() == 0 ? "canary" : "baseline") + " sample to judge");
      default -> result.withVerdict(result.verdict(), result.reason() + "; " + infinite + " and were left out");
    };
  }
}
