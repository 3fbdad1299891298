package io.rolloutpilot.core.analysis.argo;

/** Which of a Rollout's current AnalysisRuns to follow. */
public enum RunKind {
  /** The step run if there is one, else the background run. */
  ANY,
  STEP,
  BACKGROUND;

  /** The {@code rollout-type} label value, or null for any. */
  String label() {
    return this == STEP ? "Step" : this == BACKGROUND ? "Background" : null;
  }
}
