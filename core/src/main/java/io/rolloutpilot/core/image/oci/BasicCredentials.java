package io.rolloutpilot.core.image.oci;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and password (or token) for a registry. {@link #toString()} never shows the password. */
public record BasicCredentials(String username, String password) {
  public BasicCredentials {
    if (username == null || username.isEmpty() || password == null) {
      throw new IllegalArgumentException("registry credentials need a user name and a password");
    }
  }

  /** The value of an {@code Authorization: Basic ...} header. */
  public String basicHeader() {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "BasicCredentials[" + username + ", password hidden]";
  }
}
