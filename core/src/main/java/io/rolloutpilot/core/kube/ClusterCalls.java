package io.rolloutpilot.core.kube;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs blocking calls to the API server so that no caller waits past the call's budget: the
 * operation's deadline, and never more than {@link #CALL_BUDGET} for one call with its retries. fabric8
 * retries a request that got no answer five times, each bounded by the transport's timeouts, which adds
 * up to over a minute; a caller gives up sooner than that. The call runs on a daemon thread that is
 * interrupted when its caller stops waiting, which ends fabric8's wait at once; the request itself ends
 * by the transport's timeouts.
 */
public final class ClusterCalls implements AutoCloseable {
  /** The longest one call, retries included, may take when the operation has no earlier deadline. */
  public static final Duration CALL_BUDGET = Duration.ofSeconds(30);

  private final String credentials;
  private final Clock clock;
  private final ExecutorService threads;

  /** @param credentials where the credentials came from (never their value), for messages */
  public ClusterCalls(String credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
    AtomicInteger count = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "rollout-pilot-api-call-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * The call's result, or its own failure (engine exceptions pass through as they are); an
   * {@code UnreachableException} when the API server did not answer within the budget.
   *
   * @param action what the call does, e.g. "read rollout default/shop"
   */
  public <T> T run(Deadline deadline, String action, Supplier<T> call) {
    boolean byDeadline = deadline.limited() && deadline.remaining(clock).compareTo(CALL_BUDGET) < 0;
    Duration wait = byDeadline ? deadline.remaining(clock) : CALL_BUDGET;
    Future<T> future = threads.submit(call::get);
    try {
      return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw ClusterErrors.noAnswer(action, byDeadline ? deadline.budget() : CALL_BUDGET, byDeadline, credentials);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw ClusterErrors.interrupted(action);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(failure);
  }

  /** Stops every call still running; a connection's calls end with it. */
  @Override
  public void close() {
    threads.shutdownNow();
  }
}
