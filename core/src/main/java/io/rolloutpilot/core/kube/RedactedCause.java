package io.rolloutpilot.core.kube;

import io.rolloutpilot.core.error.Redaction;

/**
 * Stands in for a client library failure as the cause of an engine error: the same class name, stack
 * and chain, with every message redacted. A server's error body lands in fabric8's messages as it came,
 * and a server that echoes the request's {@code Authorization} header would otherwise put the token into
 * a stack trace printed with {@code --stacktrace} or kept in a Jenkins log.
 */
final class RedactedCause extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String className;

  private RedactedCause(Throwable original, int depth) {
    super(Redaction.redact(original.getMessage()), next(original, depth), false, true);
    this.className = original.getClass().getName();
    setStackTrace(original.getStackTrace());
  }

  static RedactedCause of(Throwable original) {
    return new RedactedCause(original, 0);
  }

  private static Throwable next(Throwable original, int depth) {
    Throwable cause = original.getCause();
    return cause == null || cause == original || depth > 16 ? null : new RedactedCause(cause, depth + 1);
  }

  /** The original class, so a stack trace reads as the original one did. */
  @Override
  public String toString() {
    String message = getMessage();
    return message == null ? className : className + ": " + message;
  }
}
