package io.rolloutpilot.core.analysis.spec;

/** What a NaN or a missing step means: dropped (the default) or zero (for counters: absence means 0). */
public enum NanPolicy {
  DROP,
  ZERO
}
