package io.rolloutpilot.core.image.oci;

import java.net.http.HttpTimeoutException;

/**
 * A registry (or the storage it redirected to) stopped answering or stopped moving a body within the
 * {@link RegistryTimeouts}. An I/O failure like a broken connection: the request is retried within
 * the retry policy, and reported as unreachable when the attempts run out.
 */
public final class RegistryStalledException extends HttpTimeoutException {
  private static final long serialVersionUID = 1L;

  private final String server;

  public RegistryStalledException(String server, String message) {
    super(message);
    this.server = server;
  }

  /** The host[:port] that stalled. */
  public String server() {
    return server;
  }
}
