package io.rolloutpilot.testkit.kube;

import java.time.Duration;

/** How {@link KubeApiProxy} treats traffic; it can be changed while connections are open. */
public sealed interface ProxyMode {
  /** Pass bytes both ways, as if the proxy were not there. */
  record Forward() implements ProxyMode {}

  /** Accept connections and read what clients send, but never answer, on open connections too: a hung server. */
  record Silent() implements ProxyMode {}

  /** Pass requests on, then send each response's status line and headers and nothing of its body. */
  record HeadersThenStall() implements ProxyMode {}

  /** Pass requests on, and responses one byte per {@code interval}, headers included. */
  record Drip(Duration interval) implements ProxyMode {}

  /**
   * Stop passing bytes either way on every connection, open ones included, without closing any: what a
   * network partition looks like to the client.
   */
  record Freeze() implements ProxyMode {}

  /**
   * Answer every request without asking the server: this HTTP status and body, where
   * {@value KubeApiProxy#AUTHORIZATION_PLACEHOLDER} becomes the request's own {@code Authorization} header
   * and {@value KubeApiProxy#TOKEN_PLACEHOLDER} its bearer token, as a server that echoes what it refused.
   */
  record Answer(int status, String body) implements ProxyMode {}

  static ProxyMode forward() {
    return new Forward();
  }
}
