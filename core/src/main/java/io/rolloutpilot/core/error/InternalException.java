package io.rolloutpilot.core.error;

/** A defect of ours, never the user's or the environment's; the cause holds the trace. */
public final class InternalException extends RolloutPilotException {
  private static final long serialVersionUID = 1L;

  /** @param subject the resource concerned, or null */
  public InternalException(String subject, String problem) {
    this(Details.of(subject, problem), null);
  }

  public InternalException(Details details) {
    this(details, null);
  }

  public InternalException(Details details, Throwable cause) {
    super(ErrorKind.INTERNAL, details, cause);
  }
}
