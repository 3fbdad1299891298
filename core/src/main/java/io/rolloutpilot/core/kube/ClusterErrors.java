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

/** Turns fabric8 failures into engine errors that say what happened and with which credentials. */
public final class ClusterErrors {
  static final String SERVER = "Kubernetes API";

  private ClusterErrors() {}

  /**
   * @param action what we were doing, e.g. "read rollout default/shop"
   * @param credentials where the credentials came from, never their value
   */
  public static RolloutPilotException translate(KubernetesClientException e, String action, String credentials) {
    int code = e.getCode();
    String said = serverMessage(e);
    ServerReply reply = new ServerReply(SERVER, code, reason(e));
    return switch (code) {
      case 401 -> new UnauthorizedException(new Details(null, action + ": unauthorized (401); the API server"
          + " rejected " + credentials, Hint.CHECK_KUBE_CREDENTIALS, reply), e);
      case 403 -> new UnauthorizedException(new Details(null, action + ": forbidden (403) for " + credentials
          + said, Hint.GRANT_KUBE_PERMISSION, reply), e);
      case 404 -> new NotFoundException(new Details(null, action + ": not found (404)" + said, null, reply), e);
      case 409 -> new ConflictException(new Details(null, action + ": conflict (409)" + said, null, reply), e);
      case 400, 422 -> new InvalidInputException(new Details(null, action + ": rejected (" + code + ")" + said,
          null, reply), e);
      default -> code >= 500 || code == 429
          ? new UnreachableException(new Details(null, action + ": the API server kept failing (" + code + ") after "
              + ClusterConnection.RETRY_LIMIT + " retries" + said, Hint.RETRY_LATER, reply), e)
          : new UnreachableException(new Details(null, action + ": the API server could not be reached using "
              + credentials + " (" + rootCause(e) + ")", Hint.CHECK_KUBE_CONNECTION, reply), e);
    };
  }

  private static String serverMessage(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null && !e.getStatus().getMessage().isEmpty()
        ? ": " + e.getStatus().getMessage() : "";
  }

  private static String reason(KubernetesClientException e) {
    return e.getStatus() == null ? null : e.getStatus().getReason();
  }

  static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
