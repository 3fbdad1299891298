package io.rolloutpilot.core.analysis.stats;

/** How a Mann–Whitney p-value was obtained; shown beside every p-value. */
public enum PValueMethod {
  /** Exact null distribution of U, no ties (m, n ≤ 50). */
  EXACT("exact"),
  /** Exact distribution of the rank sum conditional on the observed ties (N ≤ 100). */
  CONDITIONAL_EXACT("conditional-exact"),
  /** Normal approximation with tie and continuity correction. */
  NORMAL("normal");

  private final String label;

  PValueMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
