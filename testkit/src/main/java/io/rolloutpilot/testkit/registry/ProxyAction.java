package io.rolloutpilot.testkit.registry;

import java.util.Map;

/** What the proxy does with a request a rule matched. */
public sealed interface ProxyAction permits ProxyAction.Respond, ProxyAction.FailMidBody, ProxyAction.Forward,
    ProxyAction.Stall, ProxyAction.Trickle {
  /** Answer without asking the registry. */
  record Respond(int status, Map<String, String> headers, String body) implements ProxyAction {}

  /**
   * Read {@code afterBytes} of the request body, then answer {@code status} with the registry error
   * {@code code} and {@code message} (after reading the rest), or drop the connection when 0.
   */
  record FailMidBody(long afterBytes, int status, String code, String message) implements ProxyAction {
    public FailMidBody(long afterBytes, int status) {
      this(afterBytes, status, "UNKNOWN", "injected fault");
    }
  }

  /**
   * Pass it on, replacing the given request headers (lower-case names; an empty value removes one) and
   * reading the body at most this fast (0: no limit).
   */
  record Forward(Map<String, String> headers, long bytesPerSecond) implements ProxyAction {}

  /**
   * Read {@code afterBytes} of the request body (all of it for {@code Long.MAX_VALUE}), then neither
   * read more nor answer until the proxy closes: a registry that accepted a request and stalled.
   */
  record Stall(long afterBytes) implements ProxyAction {}

  /**
   * Pass it on, and send the registry's answer with its headers and the first {@code headBytes} of its
   * body, then one more byte every {@code interval}, or nothing more at all when the interval is zero.
   */
  record Trickle(long headBytes, java.time.Duration interval) implements ProxyAction {}

  static ProxyAction respond(int status, String registryErrorCode, String message) {
    return new Respond(status, Map.of("Content-Type", "application/json"),
        "{\"errors\":[{\"code\":\"" + registryErrorCode + "\",\"message\":\"" + message + "\"}]}");
  }

  static ProxyAction forward() {
    return new Forward(Map.of(), 0);
  }
}
