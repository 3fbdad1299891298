package io.rolloutpilot.core.image.oci;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A response body that must keep flowing: every read call, including a {@code readNBytes} for a whole
 * chunk of a blob, has to finish within the stall timeout, so a body that stops or trickles (a byte
 * every few seconds) fails instead of holding the push. When the time is up the stream is closed from
 * a timer thread, which wakes the blocked reader and aborts the connection, and the read fails with a
 * {@link RegistryStalledException} naming the request.
 */
public final class GuardedInputStream extends FilterInputStream {
  /** One timer for all guards; its thread ends when no read is being watched. */
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final Duration stall;
  private final String server;
  private final String what;
  private final AtomicBoolean tripped = new AtomicBoolean();
  private int depth;

  public GuardedInputStream(InputStream in, Duration stall, String server, String what) {
    super(in);
    this.stall = stall;
    this.server = server;
    this.what = what;
  }

  @FunctionalInterface
  private interface Read<T> {
    T run() throws IOException;
  }

  @Override
  public int read() throws IOException {
    return guarded(super::read);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return guarded(() -> super.read(b, off, len));
  }

  @Override
  public byte[] readNBytes(int len) throws IOException {
    return guarded(() -> super.readNBytes(len));
  }

  @Override
  public int readNBytes(byte[] b, int off, int len) throws IOException {
    return guarded(() -> super.readNBytes(b, off, len));
  }

  @Override
  public byte[] readAllBytes() throws IOException {
    return guarded(super::readAllBytes);
  }

  /** The outermost read is timed; the reads it makes itself are part of it. */
  private <T> T guarded(Read<T> read) throws IOException {
    if (tripped.get()) {
      throw stalled();
    }
    if (depth++ > 0) {
      try {
        return read.run();
      } finally {
        depth--;
      }
    }
    ScheduledFuture<?> alarm = TIMER.schedule(this::trip, stall.toNanos(), TimeUnit.NANOSECONDS);
    try {
      T result = read.run();
      if (tripped.get()) {
        throw stalled();
      }
      return result;
    } catch (IOException e) {
      throw tripped.get() ? stalled() : e;
    } finally {
      alarm.cancel(false);
      depth--;
    }
  }

  private void trip() {
    tripped.set(true);
    try {
      in.close();
    } catch (IOException e) {
      // the reader is woken either way; its read reports the stall
    }
  }

  private RegistryStalledException stalled() {
    return new RegistryStalledException(server, server + " stalled: " + what + " moved no chunk of its body within "
        + BoundedExchange.format(stall));
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "registry-stall-guard");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(5, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    return timer;
  }
}
