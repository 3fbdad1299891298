package io.rolloutpilot.core.analysis.prometheus;

import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.Redaction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to authenticate to Prometheus: none, a bearer token, or basic auth. No message, {@link #toString()}
 * included, ever shows the secret: a refused value is described, never echoed, and {@link #scrub} takes it
 * out of whatever a server sends back.
 */
public final class Credentials {
  public static final Credentials NONE = new Credentials("none", null, null, null);

  /** What an Authorization header can carry after "Bearer ": visible ASCII, no spaces or line breaks. */
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

  private final String type;
  private final String token;
  private final String username;
  private final String password;

  private Credentials(String type, String token, String username, String password) {
    this.type = type;
    this.token = token;
    this.username = username;
    this.password = password;
  }

  public static Credentials bearer(String token) {
    return bearer("token", token);
  }

  /** @param field where the token came from, named when it is refused (its value never is) */
  public static Credentials bearer(String field, String token) {
    requireSecret(field, token);
    if (!TOKEN.matcher(token).matches()) {
      throw new InvalidInputException(field, "the token cannot go in an HTTP header: it holds a space, a line break"
          + " or a character outside visible ASCII (the value is not shown)");
    }
    return new Credentials("bearer", token, null, null);
  }

  public static Credentials basic(String username, String password) {
    return basic("password", username, password);
  }

  /** @param field where the password came from, named when it is refused (its value never is) */
  public static Credentials basic(String field, String username, String password) {
    requireSecret("username", username);
    requireSecret(field, password);
    return new Credentials("basic", null, username, password);
  }

  private static void requireSecret(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException(field, "is empty");
    }
  }

  public String type() {
    return type;
  }

  /** The Authorization header value, if any. */
  Optional<String> authorization() {
    if ("bearer".equals(type)) {
      return Optional.of("Bearer " + token);
    }
    if ("basic".equals(type)) {
      return Optional.of("Basic " + basicPair());
    }
    return Optional.empty();
  }

  /** The text with every form of the secret a server might echo (as is, URL- or Basic-encoded) masked. */
  public String scrub(String text) {
    if (text == null || "none".equals(type)) {
      return text;
    }
    String out = text;
    for (String secret : secretForms()) {
      out = out.replace(secret, Redaction.MASK);
    }
    return out;
  }

  private List<String> secretForms() {
    List<String> forms = new ArrayList<>();
    String secret = "bearer".equals(type) ? token : password;
    forms.add(secret);
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    if ("basic".equals(type)) {
      forms.add(basicPair());
    }
    return forms;
  }

  private String basicPair() {
    return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[" + type + (username != null ? ", user " + username : "") + "]";
  }
}
