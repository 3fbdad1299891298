package io.rolloutpilot.cli.analyze;

import io.rolloutpilot.cli.ExitCodes;
import io.rolloutpilot.core.analysis.Verdict;

/**
 * {@code analyze}'s exit codes (DESIGN.md): 0 PASSED, 1 FAILED, TIMED_OUT or ABORTED (the release must not
 * go on and nothing is broken), 3 ERROR (the analysis itself could not be done), 4 INCONCLUSIVE.
 */
public final class AnalysisExitCodes {
  /** Not enough evidence either way; a person decides (promote or abort). */
  public static final int INCONCLUSIVE = 4;

  private AnalysisExitCodes() {}

  public static int of(Verdict verdict) {
    switch (verdict) {
      case PASSED:
        return ExitCodes.OK;
      case INCONCLUSIVE:
        return INCONCLUSIVE;
      case ERROR:
        return ExitCodes.ENVIRONMENT;
      default:
        return ExitCodes.RELEASE_FAILED;
    }
  }
}
