package io.rolloutpilot.core.image.push;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs one action per item on a bounded pool; the first failure cancels the rest and is rethrown as it was. */
final class ParallelRunner {
  /** An action on one item that may fail with I/O. */
  @FunctionalInterface
  interface Action<T> {
    void run(T item) throws IOException, InterruptedException;
  }

  private final ExecutorService pool;

  ParallelRunner(ExecutorService pool) {
    this.pool = pool;
  }

  <T> void forEach(List<T> items, Action<T> action) throws IOException, InterruptedException {
    List<Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> {
        action.run(item);
        return null;
      }));
    }
    try {
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
  }

  private static IOException rethrow(Throwable cause) throws InterruptedException {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof InterruptedException ie) {
      throw ie;
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException(cause);
  }
}
