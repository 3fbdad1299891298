package io.rolloutpilot.testkit.kube;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Writes the server's bytes to the client as the proxy's mode says: all of them, one at a time, or only
 * up to the end of the first response's headers. Remembers how far into the headers it is, since a
 * header block may arrive split over several reads.
 */
final class ResponseShaper {
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
  private int matched;

  /** Writes what the mode allows of {@code bytes}; false when the connection must stall from now on. */
  boolean write(ProxyMode mode, byte[] bytes, int length, OutputStream out) throws IOException, InterruptedException {
    if (mode instanceof ProxyMode.Drip drip) {
      drip(bytes, length, out, drip.interval());
      return true;
    }
    if (mode instanceof ProxyMode.HeadersThenStall) {
      int end = headerEnd(bytes, length);
      out.write(bytes, 0, end < 0 ? length : end);
      out.flush();
      return end < 0;
    }
    out.write(bytes, 0, length);
    out.flush();
    return true;
  }

  private static void drip(byte[] bytes, int length, OutputStream out, Duration interval)
      throws IOException, InterruptedException {
    for (int i = 0; i < length; i++) {
      out.write(bytes[i]);
      out.flush();
      Thread.sleep(interval.toMillis());
    }
  }

  /** The length up to and including the blank line that ends the headers, or -1 when it is not in this read. */
  private int headerEnd(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      matched = bytes[i] == HEADER_END[matched] ? matched + 1 : (bytes[i] == HEADER_END[0] ? 1 : 0);
      if (matched == HEADER_END.length) {
        matched = 0;
        return i + 1;
      }
    }
    return -1;
  }
}
