package io.rolloutpilot.sandbox.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/**
 * Kubernetes {@code Status} failure bodies. Clients parse these (reason, code, retryAfterSeconds), so an
 * injected failure must look exactly like one the API server sends, not a bare status line.
 */
public final class StatusBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StatusBodies() {}

  /** The Kubernetes reason word for a status code, as the API server spells it. */
  public static String reason(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 409 -> "Conflict";
      case 410 -> "Expired";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 500 -> "InternalError";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> "Unknown";
    };
  }

  public static ObjectNode status(int code, String message, Integer retryAfterSeconds) {
    ObjectNode status = MAPPER.createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", message);
    status.put("reason", reason(code));
    if (retryAfterSeconds != null) {
      status.putObject("details").put("retryAfterSeconds", retryAfterSeconds);
    }
    status.put("code", code);
    return status;
  }

  public static MockResponse response(int code, String message, Integer retryAfterSeconds) {
    MockResponse response = new MockResponse().setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(status(code, message, retryAfterSeconds).toString());
    if (retryAfterSeconds != null) {
      response.setHeader("Retry-After", retryAfterSeconds);
    }
    return response;
  }

  /** Default message per code, modelled on what kube-apiserver says. */
  public static String defaultMessage(int code) {
    return switch (code) {
      case 401 -> "Unauthorized";
      case 403 -> "forbidden: User \"sandbox-user\" cannot access this resource";
      case 409 -> "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again";
      case 410 -> "too old resource version: 1 (2)";
      case 429 -> "Too many requests, please try again later.";
      case 503 -> "the server is currently unable to handle the request";
      default -> "Internal error occurred: injected fault";
    };
  }
}
