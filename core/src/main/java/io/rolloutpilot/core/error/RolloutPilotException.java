package io.rolloutpilot.core.error;

import java.util.Optional;

/**
 * The one way the engine fails. A front end decides by {@link #kind()}, names what is at fault by
 * {@link #subject()} in its own words (a CLI option, a step parameter), adds its own wording of
 * {@link #hint()}, and may offer a retry when {@link #retryable()}. The cause is kept for a stack
 * trace. Messages pass through {@link Redaction} on the way in, so no secret survives in them.
 */
public abstract sealed class RolloutPilotException extends RuntimeException
    permits InvalidInputException, NotFoundException, UnauthorizedException, UnreachableException,
        ConflictException, ReleaseFailedException, AnalysisInconclusiveException, InternalException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String subject;
  private final String problem;
  private final Hint hint;
  private final ServerReply reply;

  RolloutPilotException(ErrorKind kind, Details details, Throwable cause) {
    super(message(details), cause);
    this.kind = kind;
    this.subject = details.subject();
    this.problem = Redaction.redact(details.problem());
    this.hint = details.hint();
    this.reply = details.reply();
  }

  private static String message(Details details) {
    String problem = Redaction.redact(details.problem());
    return details.subject() == null ? problem : details.subject() + ": " + problem;
  }

  public ErrorKind kind() {
    return kind;
  }

  /**
   * The input field at fault for {@link ErrorKind#BAD_INPUT} (the engine's name for it, such as
   * {@code degradedGrace} or {@code spec.window.interval}), else the resource concerned; may be null.
   */
  public String subject() {
    return subject;
  }

  /** What is wrong, without the subject: front ends put their own name for the subject in front. */
  public String problem() {
    return problem;
  }

  /** What the user could do about it, as a key each front end words in its own terms. */
  public Optional<Hint> hint() {
    return Optional.ofNullable(hint);
  }

  /** The server's answer, when a server refused or failed the request. */
  public Optional<ServerReply> reply() {
    return Optional.ofNullable(reply);
  }

  /** True when the same request may pass later (a fault of the network or the server, a conflict). */
  public boolean retryable() {
    return kind == ErrorKind.UNREACHABLE || kind == ErrorKind.CONFLICT;
  }

  /**
   * The parts of an error besides its kind and cause.
   *
   * @param subject the field or resource at fault, or null
   * @param problem what is wrong, in a sentence that stands on its own
   */
  public record Details(String subject, String problem, Hint hint, ServerReply reply) {
    public static Details of(String subject, String problem) {
      return new Details(subject, problem, null, null);
    }

    public Details withHint(Hint newHint) {
      return new Details(subject, problem, newHint, reply);
    }

    public Details withReply(ServerReply newReply) {
      return new Details(subject, problem, hint, newReply);
    }
  }
}
