package io.rolloutpilot.core.error;

/**
 * Input the engine refuses before it touches anything. The subject is the field in the engine's own
 * name for it ({@code degradedGrace}, {@code image}, {@code spec.window.interval}); the problem says
 * what was given and what would be accepted, so a user can fix the call without reading code.
 */
public final class InvalidInputException extends RolloutPilotException {
  private static final long serialVersionUID = 1L;

  /** @param subject the field at fault, or null */
  public InvalidInputException(String subject, String problem) {
    this(Details.of(subject, problem), null);
  }

  public InvalidInputException(Details details) {
    this(details, null);
  }

  public InvalidInputException(Details details, Throwable cause) {
    super(ErrorKind.BAD_INPUT, details, cause);
  }

  /** The field at fault, in the engine's name for it. */
  public String field() {
    return subject();
  }
}
