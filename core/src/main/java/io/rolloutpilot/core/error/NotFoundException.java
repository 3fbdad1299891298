package io.rolloutpilot.core.error;

/** A named resource does not exist; the message lists what does where that helps. */
public final class NotFoundException extends RolloutPilotException {
  private static final long serialVersionUID = 1L;

  /** @param subject the resource concerned, or null */
  public NotFoundException(String subject, String problem) {
    this(Details.of(subject, problem), null);
  }

  /** "{@code what} not found", followed by what does exist, so the user can pick the right one. */
  public static NotFoundException listing(String what, java.util.List<String> existing) {
    return new NotFoundException(Details.of(null, what + " not found; " + (existing.isEmpty() ? "there are none"
        : "existing: " + String.join(", ", existing))));
  }

  public NotFoundException(Details details) {
    this(details, null);
  }

  public NotFoundException(Details details, Throwable cause) {
    super(ErrorKind.NOT_FOUND, details, cause);
  }
}
