package io.rolloutpilot.core.error;

/** The analysis could decide neither pass nor fail. */
public final class AnalysisInconclusiveException extends RolloutPilotException {
  private static final long serialVersionUID = 1L;

  /** @param subject the resource concerned, or null */
  public AnalysisInconclusiveException(String subject, String problem) {
    this(Details.of(subject, problem), null);
  }

  public AnalysisInconclusiveException(Details details) {
    this(details, null);
  }

  public AnalysisInconclusiveException(Details details, Throwable cause) {
    super(ErrorKind.ANALYSIS_INCONCLUSIVE, details, cause);
  }
}
