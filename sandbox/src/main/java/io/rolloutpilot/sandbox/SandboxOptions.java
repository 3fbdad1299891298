package io.rolloutpilot.sandbox;

import java.time.Duration;

/**
 * How a {@link Sandbox} starts.
 *
 * @param port API server port on 127.0.0.1; 0 picks a free one
 * @param podReadyDelay how long faked pods take to become ready
 * @param token bearer token every request must carry, or null for an open server
 * @param namespace namespace created at start (null or empty: none)
 */
public record SandboxOptions(int port, Duration podReadyDelay, String token, String namespace) {
  public SandboxOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    podReadyDelay = podReadyDelay == null ? Duration.ofMillis(200) : podReadyDelay;
    if (podReadyDelay.isNegative()) {
      throw new IllegalArgumentException("podReadyDelay must not be negative");
    }
  }

  public static SandboxOptions defaults() {
    return new SandboxOptions(0, Duration.ofMillis(200), null, "default");
  }

  public SandboxOptions withPort(int newPort) {
    return new SandboxOptions(newPort, podReadyDelay, token, namespace);
  }

  public SandboxOptions withPodReadyDelay(Duration delay) {
    return new SandboxOptions(port, delay, token, namespace);
  }

  public SandboxOptions withToken(String newToken) {
    return new SandboxOptions(port, podReadyDelay, newToken, namespace);
  }

  public SandboxOptions withNamespace(String newNamespace) {
    return new SandboxOptions(port, podReadyDelay, token, newNamespace);
  }
}
