package io.rolloutpilot.core.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.error.ConflictException;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.NotFoundException;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.error.ServerReply;
import io.rolloutpilot.core.error.UnauthorizedException;
import io.rolloutpilot.core.error.UnreachableException;
import io.rolloutpilot.core.error.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Turns a registry's answer into an engine error: the kind from the status and the registry's own
 * error code ({@code NAME_UNKNOWN}, {@code TAG_INVALID}...), which the error keeps as its
 * {@link ServerReply} for the push logic that decides by it. Messages name the request by method and
 * path only, never headers, credentials or query strings.
 */
public final class RegistryErrors {
  private static final int MAX_QUOTED_BODY = 300;
  private static final int MAX_CODE = 64;

  private final ObjectMapper json;

  public RegistryErrors(ObjectMapper json) {
    this.json = json;
  }

  /** @param request method and path, e.g. {@code PUT /v2/team/app/manifests/1.0} */
  public RolloutPilotException from(String registry, String request, int status, byte[] body) {
    return from(registry, request, status, body, List.of());
  }

  /**
   * @param sent the credentials the request carried (Authorization header values): a registry may echo
   *     them in its answer (some proxies quote the request's headers in a 403), so every form of them
   *     (the header, its token, a Basic pair decoded, its password) is cut out before anything is quoted
   */
  public RolloutPilotException from(String registry, String request, int status, byte[] body,
      Collection<String> sent) {
    String answer = scrub(new String(body, StandardCharsets.UTF_8), sent);
    String code = null;
    String message = null;
    try {
      JsonNode first = json.readTree(answer).path("errors").path(0);
      code = first.path("code").isTextual() ? quote(first.path("code").asText(), MAX_CODE) : null;
      message = first.path("message").isTextual() ? quote(first.path("message").asText(), MAX_QUOTED_BODY) : null;
    } catch (IOException | RuntimeException e) {
      String text = quote(answer, MAX_QUOTED_BODY).strip();
      message = text.isEmpty() ? null : text;
    }
    if (code == null || code.isBlank()) {
      code = defaultCode(status);
    }
    String text = registry + " answered " + status + " " + code + (message == null ? "" : ": " + message)
        + " (" + request + ")";
    return answered(registry, status, code, text, hint(code, status, message));
  }

  /** Every form in which credentials sent in {@code authorization} could come back. */
  static List<String> secretForms(String authorization) {
    List<String> forms = new ArrayList<>();
    if (authorization == null || authorization.isBlank()) {
      return forms;
    }
    forms.add(authorization);
    int space = authorization.indexOf(' ');
    String credential = space < 0 ? authorization : authorization.substring(space + 1).trim();
    forms.add(credential);
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
        forms.add(pair);
        int colon = pair.indexOf(':');
        if (colon >= 0) {
          forms.add(pair.substring(colon + 1));
        }
      } catch (IllegalArgumentException e) {
        // not base64: the header and its credential are cut out as they are
      }
    }
    return forms;
  }

  private static String scrub(String text, Collection<String> sent) {
    String out = text;
    for (String secret : sent) {
      // short values (an empty password, a one-letter token) would cut ordinary words out of the message
      if (secret != null && secret.length() >= 4) {
        out = out.replace(secret, Redaction.MASK);
      }
    }
    return out;
  }

  /** A server's words, for a message: control characters dropped, at most {@code max} characters. */
  private static String quote(String text, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return text.length() > max ? out + "..." : out.toString();
  }

  /** The error for a registry's answer, of the kind its status and code say. */
  public static RolloutPilotException answered(String registry, int status, String code, String message, Hint hint) {
    Details details = new Details(null, message, hint, new ServerReply(registry, status, code));
    if (status == 401) {
      return new UnauthorizedException(details);
    }
    if (status == 403 || "DENIED".equals(code)) {
      return new UnauthorizedException(details);
    }
    if ("TAG_INVALID".equals(code)) {
      return new ConflictException(details);
    }
    if (status == 404) {
      return new NotFoundException(details);
    }
    if (status == 429 || status >= 500 || status == 0) {
      return new UnreachableException(details);
    }
    return new InvalidInputException(details);
  }

  /** No answer at all: the registry could not be reached, or TLS with it failed. */
  public static RolloutPilotException unreachable(String registry, String message, Hint hint, Throwable cause) {
    return new UnreachableException(new Details(null, message, hint, new ServerReply(registry, 0, null)), cause);
  }

  /** The HTTP status a registry answered with, 0 when none or the error did not come from a registry. */
  public static int status(RolloutPilotException e) {
    return e.reply().map(ServerReply::status).orElse(0);
  }

  /** The registry's error code, or null. */
  public static String code(RolloutPilotException e) {
    return e.reply().map(ServerReply::code).orElse(null);
  }

  /** Worth another attempt: the registry throttled us or failed on its side. */
  public static boolean retryable(RolloutPilotException e) {
    int status = status(e);
    return status == 429 || status >= 500;
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

  static Hint hint(String code, int status, String message) {
    if (message != null && message.contains("token has expired")) {
      return Hint.CHECK_CLOCK_AND_CREDENTIALS;
    }
    return switch (code) {
      case "NAME_UNKNOWN" -> Hint.CREATE_REPOSITORY;
      case "TAG_INVALID" -> Hint.PUSH_UNDER_NEW_TAG;
      case "UNAUTHORIZED" -> Hint.CHECK_REGISTRY_CREDENTIALS;
      case "DENIED" -> Hint.GRANT_PUSH_PERMISSION;
      case "MANIFEST_BLOB_UNKNOWN", "BLOB_UNKNOWN" -> Hint.PUSH_AGAIN;
      case "DIGEST_INVALID" -> Hint.SOURCE_CORRUPT;
      case "MANIFEST_INVALID", "MANIFEST_UNVERIFIED" -> Hint.MANIFEST_FORMAT_REFUSED;
      case "TOOMANYREQUESTS" -> Hint.LOWER_PARALLELISM;
      default -> status >= 500 ? Hint.RETRY_LATER : null;
    };
  }
}
