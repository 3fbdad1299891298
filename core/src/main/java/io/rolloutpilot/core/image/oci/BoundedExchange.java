package io.rolloutpilot.core.image.oci;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one request and waits for its answer no longer than the {@link RegistryTimeouts} allow. The
 * HTTP client's own request timeout ends when the response headers arrive and does not see a body
 * that stops, so every registry, token service and redirect request goes through here: a request
 * without progress is cancelled (which closes its connection) and fails with a
 * {@link RegistryStalledException} naming it.
 */
public final class BoundedExchange {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final RegistryTimeouts timeouts;

  public BoundedExchange(RegistryTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  public RegistryTimeouts timeouts() {
    return timeouts;
  }

  /** A request whose answer (a byte-array body is read whole) is due within the response timeout. */
  public <T> HttpResponse<T> send(HttpClient client, HttpRequest request, BodyHandler<T> handler, String server,
      String what) throws IOException, InterruptedException {
    return send(client, request, handler, server, what, null);
  }

  /** @param progress how the request's body moves, or null for a request without one to watch */
  public <T> HttpResponse<T> send(HttpClient client, HttpRequest request, BodyHandler<T> handler, String server,
      String what, TransferProgress progress) throws IOException, InterruptedException {
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<T>> future = client.sendAsync(request, handler);
    while (true) {
      long deadline = progress == null ? start + timeouts.response().toNanos() : progress.deadline(start, timeouts);
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        future.cancel(true); // cancels the exchange and closes its connection
        throw stalled(server, what, progress, System.nanoTime() - start);
      }
      try {
        return future.get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // not yet: look at the progress again
      } catch (ExecutionException e) {
        throw unwrap(e.getCause());
      } catch (InterruptedException e) {
        future.cancel(true);
        throw e;
      }
    }
  }

  private RegistryStalledException stalled(String server, String what, TransferProgress progress, long waited) {
    String waitedFor = progress == null ? "an answer" : progress.waitingFor();
    return new RegistryStalledException(server, server + " stalled: " + what + " waited "
        + format(java.time.Duration.ofNanos(waited)) + " for " + waitedFor + " (limits: "
        + format(timeouts.response()) + " for an answer, " + format(timeouts.stall()) + " for a chunk of a body)");
  }

  /** {@code 30 s}, or {@code 250 ms} below a second. */
  static String format(java.time.Duration duration) {
    return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
  }

  private static IOException unwrap(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException(cause);
  }
}
