package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.MetricData;
import java.util.List;

/** A way to decide that a canary is worse than its baseline; FAILED when any of the metrics is. */
interface CanaryRule {
  String name();

  String parameters();

  boolean failed(List<MetricData> metrics);
}
