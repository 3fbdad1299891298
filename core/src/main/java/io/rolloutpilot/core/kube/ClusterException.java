package io.rolloutpilot.core.kube;

/**
 * A failure of the cluster or of our access to it, classified so a front end can pick its exit code.
 * Messages never carry credential values, only where the credentials came from.
 */
public class ClusterException extends RuntimeException {
  /** What went wrong, in the terms a front end maps to exit codes. */
  public enum Kind { NOT_FOUND, UNAUTHORIZED, FORBIDDEN, UNREACHABLE, CONFLICT, REJECTED, SERVER_ERROR }

  private final Kind kind;

  public ClusterException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
