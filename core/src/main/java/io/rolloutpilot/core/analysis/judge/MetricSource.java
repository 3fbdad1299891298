package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.DeadlineReached;

/**
 * Fetches both groups' samples for one metric over [start, end] on the step grid. Failures after the
 * source's own retries come back as {@link MetricData#failed()}, never as an exception; only the analysis'
 * own deadline passing while the source waits ends a fetch with {@link DeadlineReached}.
 */
public interface MetricSource {
  MetricData fetch(QueryPlan plan, long startMillis, long endMillis, long stepMillis);

  /**
   * The baseline's samples over [start, end] on the step grid, before the canary started, for ρ̂ only.
   * Never throws: a failure is {@link BaselineHistory#unavailable}, and the judge falls back to the window.
   */
  default BaselineHistory baselineHistory(QueryPlan plan, long startMillis, long endMillis, long stepMillis) {
    return BaselineHistory.unavailable("this source keeps no history");
  }

  /** Where the data comes from, with no secrets (for the report). */
  String endpoint();
}
