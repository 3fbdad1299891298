package io.rolloutpilot.core.analysis;

/** The overall outcome of an analysis, the same in both modes. Only PASSED lets a pipeline continue. */
public enum Verdict {
  PASSED,
  FAILED,
  INCONCLUSIVE,
  ERROR,
  TIMED_OUT,
  ABORTED;

  public boolean passed() {
    return this == PASSED;
  }
}
