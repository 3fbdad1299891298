package io.rolloutpilot.core.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Turns a registry's error response into a {@link RegistryException} with its own code and a hint. */
public final class RegistryErrors {
  private final ObjectMapper json;

  public RegistryErrors(ObjectMapper json) {
    this.json = json;
  }

  /** @param request method and path, e.g. {@code PUT /v2/team/app/manifests/1.0} */
  public RegistryException from(String registry, String request, int status, byte[] body) {
    String code = null;
    String message = null;
    try {
      JsonNode first = json.readTree(body).path("errors").path(0);
      code = first.path("code").asText(null);
      message = first.path("message").asText(null);
    } catch (IOException | RuntimeException e) {
      String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip();
      message = text.isEmpty() ? null : text;
    }
    if (code == null) {
      code = defaultCode(status);
    }
    String text = registry + " answered " + status + " " + code + (message == null ? "" : ": " + message)
        + " (" + request + ")";
    return new RegistryException(status, code, text, hint(code, status, message));
  }

  private static String defaultCode(int status) {
    return switch (status) {
      case 401 -> "UNAUTHORIZED";
      case 403 -> "DENIED";
      case 404 -> "NOT_FOUND";
      case 429 -> "TOOMANYREQUESTS";
      default -> "HTTP_" + status;
    };
  }

  static String hint(String code, int status, String message) {
    if (message != null && message.contains("token has expired")) {
      return "the registry token expired and one refresh did not help; check the clock and the credentials";
    }
    return switch (code) {
      case "NAME_UNKNOWN" -> "the repository does not exist; create it first (for ECR pass --create-repository)";
      case "TAG_INVALID" -> "the tag is immutable in this repository and already points at another image;"
          + " push under a new tag";
      case "UNAUTHORIZED" -> "the registry did not accept the credentials; check the user name and password"
          + " (for ECR: the AWS credentials and region)";
      case "DENIED" -> "the credentials are valid but not allowed to push here; grant push rights on the"
          + " repository (ECR: ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage)";
      case "MANIFEST_BLOB_UNKNOWN", "BLOB_UNKNOWN" -> "the registry lost a blob the manifest needs; push again";
      case "DIGEST_INVALID" -> "the content does not match its digest: the source image is corrupt";
      case "MANIFEST_INVALID", "MANIFEST_UNVERIFIED" -> "the registry rejected the manifest format;"
          + " it may not accept this media type";
      case "TOOMANYREQUESTS" -> "the registry throttled the push; retry later or lower --parallel";
      default -> status >= 500 ? "the registry failed repeatedly; retry later" : null;
    };
  }
}
