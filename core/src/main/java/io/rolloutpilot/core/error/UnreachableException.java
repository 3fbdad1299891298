package io.rolloutpilot.core.error;

/** A server could not be reached, stalled or kept failing after bounded retries. */
public final class UnreachableException extends RolloutPilotException {
  private static final long serialVersionUID = 1L;

  /** @param subject the resource concerned, or null */
  public UnreachableException(String subject, String problem) {
    this(Details.of(subject, problem), null);
  }

  public UnreachableException(Details details) {
    this(details, null);
  }

  public UnreachableException(Details details, Throwable cause) {
    super(ErrorKind.UNREACHABLE, details, cause);
  }
}
