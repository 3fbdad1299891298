package io.rolloutpilot.core.kube;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gives every response body a deadline. The JDK client's request timeout only bounds the wait for the
 * status line and headers: a server that sends those and then stalls, or drips its body a byte at a
 * time, would hold the request, and the command, forever. Watches are left alone, since their response
 * is meant to last; the informer and the follow deadline look after them.
 */
final class ResponseDeadline implements Interceptor {
  private final ScheduledExecutorService timer;
  private final Duration limit;

  ResponseDeadline(ScheduledExecutorService timer, Duration limit) {
    this.timer = timer;
    this.limit = limit;
  }

  @Override
  public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    if (!(response.body() instanceof AsyncBody body) || isWatch(request) || body.done().isDone()) {
      return;
    }
    try {
      ScheduledFuture<?> expiry = timer.schedule(() -> expire(body), limit.toMillis(), TimeUnit.MILLISECONDS);
      body.done().whenComplete((done, failure) -> expiry.cancel(false));
    } catch (RejectedExecutionException closed) {
      body.cancel(); // the connection is closing: nobody waits for this body any more
    }
  }

  /** Fails the body as a timeout, which fabric8 reports like any I/O failure, and drops its connection. */
  private void expire(AsyncBody body) {
    body.done().completeExceptionally(new HttpTimeoutException("the response body did not arrive within "
        + limit.toSeconds() + " s of its headers"));
    body.cancel();
  }

  static boolean isWatch(HttpRequest request) {
    String query = request.uri().getRawQuery();
    return query != null && (query.startsWith("watch=true") || query.contains("&watch=true"));
  }
}
