package io.rolloutpilot.core.image.oci;

/**
 * How an upload's body moves, so that waiting for its answer can tell a slow transfer from a stalled
 * one: the body reports each chunk the connection takes, when it waits on its own source (which has
 * its own stall guard), and when it has handed over its last byte (then the answer is due within the
 * response timeout).
 */
public final class TransferProgress {
  private volatile long lastMoved = System.nanoTime();
  private volatile long sentAt;
  private volatile boolean readingSource;

  /** The connection took a chunk, or asked for one. */
  public void moved() {
    lastMoved = System.nanoTime();
  }

  /** The body is reading its source (true) or done with that read (false). */
  public void readingSource(boolean reading) {
    readingSource = reading;
    moved();
  }

  /** The whole body has been handed to the connection. */
  public void sent() {
    sentAt = System.nanoTime();
  }

  /** When waiting for this request must end, in {@link System#nanoTime()} terms. */
  long deadline(long start, RegistryTimeouts timeouts) {
    long sent = sentAt;
    if (sent != 0) {
      return sent + timeouts.response().toNanos();
    }
    if (readingSource) {
      return Long.MAX_VALUE;
    }
    return Math.max(start, lastMoved) + timeouts.stall().toNanos();
  }

  /** What the request was waiting for when its deadline passed. */
  String waitingFor() {
    return sentAt != 0 ? "an answer" : "the connection to take more of the body";
  }
}
