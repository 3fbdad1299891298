package io.rolloutpilot.core.analysis.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How to authenticate to Prometheus: none, a bearer token, or basic auth. {@link #toString()} never
 * shows the secret, so it cannot leak through logs or exception messages.
 */
public final class Credentials {
  public static final Credentials NONE = new Credentials("none", null, null, null);

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
    return new Credentials("bearer", requireSecret(token, "bearer token"), null, null);
  }

  public static Credentials basic(String username, String password) {
    return new Credentials("basic", null, requireSecret(username, "username"), requireSecret(password, "password"));
  }

  private static String requireSecret(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("the " + what + " is empty");
    }
    return value;
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
      String pair = username + ":" + password;
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "Credentials[" + type + (username != null ? ", user " + username : "") + "]";
  }
}
