package io.rolloutpilot.core.error;

/** A concurrent change or an immutable resource stands in the way. */
public final class ConflictException extends RolloutPilotException {
  private static final long serialVersionUID = 1L;

  /** @param subject the resource concerned, or null */
  public ConflictException(String subject, String problem) {
    this(Details.of(subject, problem), null);
  }

  public ConflictException(Details details) {
    this(details, null);
  }

  public ConflictException(Details details, Throwable cause) {
    super(ErrorKind.CONFLICT, details, cause);
  }
}
