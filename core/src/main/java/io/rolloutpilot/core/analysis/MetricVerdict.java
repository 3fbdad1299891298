package io.rolloutpilot.core.analysis;

/** The outcome for one metric. HIGH and LOW are regressions in the metric's bad direction. */
public enum MetricVerdict {
  PASS,
  HIGH,
  LOW,
  NO_DATA,
  INSUFFICIENT_DATA,
  INCONCLUSIVE,
  ERROR;

  public boolean regression() {
    return this == HIGH || this == LOW;
  }

  /** Verdicts that mean "not enough evidence either way". */
  public boolean undecided() {
    return this == NO_DATA || this == INSUFFICIENT_DATA || this == INCONCLUSIVE;
  }
}
