package io.rolloutpilot.core.analysis;

/** What both modes report first: the verdict and one sentence saying why. */
public interface AnalysisOutcome {
  Verdict verdict();

  String reason();
}
