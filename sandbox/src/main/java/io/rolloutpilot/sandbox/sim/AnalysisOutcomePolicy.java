package io.rolloutpilot.sandbox.sim;

import java.time.Duration;

/**
 * Chooses how an AnalysisRun ends; the simulator never evaluates metrics. Returning null leaves the
 * run Running so the test can write its status itself, as a metric provider would.
 */
@FunctionalInterface
public interface AnalysisOutcomePolicy {
  AnalysisOutcome decide(AnalysisRunInfo run);

  /** The default: every run succeeds after a short delay. */
  static AnalysisOutcomePolicy successfulAfter(Duration delay) {
    return run -> AnalysisOutcome.successful().after(delay);
  }

  static AnalysisOutcomePolicy always(AnalysisOutcome outcome) {
    return run -> outcome;
  }

  /** Runs stay Running until the test patches them (or calls failAnalysisRun and friends). */
  static AnalysisOutcomePolicy manual() {
    return run -> null;
  }
}
