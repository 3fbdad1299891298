package io.rolloutpilot.core.analysis.judge;

/**
 * Fetches both groups' samples for one metric over [start, end] on the step grid. Failures after the
 * source's own retries come back as {@link MetricData#failed()}, never as an exception.
 */
public interface MetricSource {
  MetricData fetch(QueryPlan plan, long startMillis, long endMillis, long stepMillis);

  /** Where the data comes from, with no secrets (for the report). */
  String endpoint();
}
