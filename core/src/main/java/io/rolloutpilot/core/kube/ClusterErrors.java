package io.rolloutpilot.core.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns fabric8 failures into {@link ClusterException}s that say what happened and with which credentials. */
public final class ClusterErrors {
  private ClusterErrors() {}

  public static ClusterException translate(KubernetesClientException e, String action, String credentials) {
    int code = e.getCode();
    String server = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : "";
    switch (code) {
      case 401:
        return new ClusterException(ClusterException.Kind.UNAUTHORIZED,
            action + ": unauthorized (401); the API server rejected " + credentials);
      case 403:
        return new ClusterException(ClusterException.Kind.FORBIDDEN,
            action + ": forbidden (403) for " + credentials + (server.isEmpty() ? "" : ": " + server));
      case 404:
        return new ClusterException(ClusterException.Kind.NOT_FOUND, action + ": not found (404)"
            + (server.isEmpty() ? "" : ": " + server));
      case 409:
        return new ClusterException(ClusterException.Kind.CONFLICT, action + ": conflict (409)"
            + (server.isEmpty() ? "" : ": " + server));
      case 400: case 422:
        return new ClusterException(ClusterException.Kind.REJECTED, action + ": rejected (" + code + ")"
            + (server.isEmpty() ? "" : ": " + server));
      default:
        if (code >= 500 || code == 429) {
          return new ClusterException(ClusterException.Kind.SERVER_ERROR, action + ": the API server kept failing ("
              + code + ") after " + ClusterConnection.RETRY_LIMIT + " retries" + (server.isEmpty() ? "" : ": " + server));
        }
        return new ClusterException(ClusterException.Kind.UNREACHABLE, action + ": the API server could not be reached"
            + " using " + credentials + " (" + rootCause(e) + ")");
    }
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
