package io.rolloutpilot.core.error;

/** The credentials were refused or lack a permission. Messages name where the credentials came from, never their value. */
public final class UnauthorizedException extends RolloutPilotException {
  private static final long serialVersionUID = 1L;

  /** @param subject the resource concerned, or null */
  public UnauthorizedException(String subject, String problem) {
    this(Details.of(subject, problem), null);
  }

  public UnauthorizedException(Details details) {
    this(details, null);
  }

  public UnauthorizedException(Details details, Throwable cause) {
    super(ErrorKind.UNAUTHORIZED, details, cause);
  }
}
