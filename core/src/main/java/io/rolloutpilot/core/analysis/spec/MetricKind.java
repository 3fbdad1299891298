package io.rolloutpilot.core.analysis.spec;

/** A plain query, or numerator/denominator queries whose totals also get the count-based test. */
public enum MetricKind {
  QUERY,
  RATIO
}
