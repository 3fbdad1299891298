package io.rolloutpilot.core.error;

/** The release failed (nothing to roll back to, a gate refused); not a fault of the tool or its input. */
public final class ReleaseFailedException extends RolloutPilotException {
  private static final long serialVersionUID = 1L;

  /** @param subject the resource concerned, or null */
  public ReleaseFailedException(String subject, String problem) {
    this(Details.of(subject, problem), null);
  }

  public ReleaseFailedException(Details details) {
    this(details, null);
  }

  public ReleaseFailedException(Details details, Throwable cause) {
    super(ErrorKind.RELEASE_FAILED, details, cause);
  }
}
