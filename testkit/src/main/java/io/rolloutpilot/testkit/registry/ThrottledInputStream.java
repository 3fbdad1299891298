package io.rolloutpilot.testkit.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads no faster than a given rate, to stretch an upload so a test can act in the middle of it. */
final class ThrottledInputStream extends FilterInputStream {
  private final long bytesPerSecond;
  private final long start = System.nanoTime();
  private long total;

  ThrottledInputStream(InputStream in, long bytesPerSecond) {
    super(in);
    this.bytesPerSecond = bytesPerSecond;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, Math.min(len, 8192));
    if (n > 0) {
      total += n;
      long dueNanos = total * 1_000_000_000L / bytesPerSecond;
      long sleep = (dueNanos - (System.nanoTime() - start)) / 1_000_000L;
      if (sleep > 0) {
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    }
    return n;
  }
}
