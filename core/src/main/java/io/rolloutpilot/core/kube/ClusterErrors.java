package io.rolloutpilot.core.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.rolloutpilot.core.error.ConflictException;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.NotFoundException;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.error.ServerReply;
import io.rolloutpilot.core.error.UnauthorizedException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.error.UnreachableException;
import io.rolloutpilot.core.validation.Durations;
import java.time.Duration;

/**
 * Turns fabric8 failures into engine errors that say what happened and with which credentials. The
 * library's exception is kept as the cause only in redacted form ({@link RedactedCause}).
 */
public final class ClusterErrors {
  /** The server's name in errors and events. */
  public static final String SERVER = "Kubernetes API";

  private ClusterErrors() {}

  /**
   * @param action what we were doing, e.g. "read rollout default/shop"
   * @param credentials where the credentials came from, never their value
   */
  public static RolloutPilotException translate(KubernetesClientException e, String action, String credentials) {
    int code = e.getCode();
    String said = serverMessage(e);
    ServerReply reply = new ServerReply(SERVER, code, reason(e));
    RedactedCause cause = RedactedCause.of(e);
    return switch (code) {
      case 401 -> new UnauthorizedException(new Details(null, action + ": unauthorized (401); the API server"
          + " rejected " + credentials, Hint.CHECK_KUBE_CREDENTIALS, reply), cause);
      case 403 -> new UnauthorizedException(new Details(null, action + ": forbidden (403) for " + credentials
          + said, Hint.GRANT_KUBE_PERMISSION, reply), cause);
      case 404 -> new NotFoundException(new Details(null, action + ": not found (404)" + said, null, reply), cause);
      case 409 -> new ConflictException(new Details(null, action + ": conflict (409)" + said, null, reply), cause);
      case 400, 422 -> new InvalidInputException(new Details(null, action + ": rejected (" + code + ")" + said,
          null, reply), cause);
      default -> code >= 500 || code == 429
          ? new UnreachableException(new Details(null, action + ": the API server kept failing (" + code + ") after "
              + ClusterConnection.RETRY_LIMIT + " retries" + said, Hint.RETRY_LATER, reply), cause)
          : new UnreachableException(new Details(null, action + ": the API server could not be reached using "
              + credentials + " (" + rootCause(e) + ")", Hint.CHECK_KUBE_CONNECTION, reply), cause);
    };
  }

  /** The API server did not answer one call within its budget: the operation's deadline or the call's own. */
  static UnreachableException noAnswer(String action, Duration budget, boolean deadline, String credentials) {
    return new UnreachableException(new Details(null, action + ": the API server did not answer within "
        + Durations.format(budget) + (deadline ? ", the time given for the whole operation" : "") + " using "
        + credentials, Hint.CHECK_KUBE_CONNECTION, new ServerReply(SERVER, 0, null)));
  }

  static UnreachableException interrupted(String action) {
    return new UnreachableException(Details.of(null, action + ": interrupted while waiting for the API server"));
  }

  private static String serverMessage(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null && !e.getStatus().getMessage().isEmpty()
        ? ": " + e.getStatus().getMessage() : "";
  }

  private static String reason(KubernetesClientException e) {
    return e.getStatus() == null ? null : e.getStatus().getReason();
  }

  /** The innermost cause in a few words, for "could not be reached (ConnectException: Connection refused)". */
  public static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
