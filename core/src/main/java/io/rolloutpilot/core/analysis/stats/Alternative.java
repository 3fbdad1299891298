package io.rolloutpilot.core.analysis.stats;

/** Which way the canary is tested against the baseline: "greater" means canary values are higher. */
public enum Alternative {
  GREATER,
  LESS,
  TWO_SIDED
}
