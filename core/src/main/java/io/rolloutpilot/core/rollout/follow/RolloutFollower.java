package io.rolloutpilot.core.rollout.follow;

import io.rolloutpilot.core.error.InternalException;
import io.rolloutpilot.core.error.NotFoundException;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.kube.Deadline;
import io.rolloutpilot.core.rollout.RolloutRef;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Follows Rollouts through a shared watch, never by polling. {@link #start} is non-blocking, so one
 * process can follow many Rollouts on a handful of threads; {@link #follow} blocks for one.
 */
public final class RolloutFollower {
  private final RolloutWatchHub hub;
  private final ScheduledExecutorService timers;
  private final Executor worker;
  private final Clock clock;

  /** @param worker reads a Rollout the watch does not know yet, off the watch's and the timers' threads */
  public RolloutFollower(RolloutWatchHub hub, ScheduledExecutorService timers, Executor worker, Clock clock) {
    this.hub = hub;
    this.timers = timers;
    this.worker = worker;
    this.clock = clock;
  }

  /** As {@link #start(FollowRequest, Deadline, EngineListener)}, with the request's timeout from now. */
  public CompletableFuture<FollowResult> start(FollowRequest request, EngineListener listener) {
    return start(request, Deadline.after(request.timeout(), clock), listener);
  }

  /**
   * Follows without holding a thread: the result completes from the watch thread or a timer. The
   * deadline is armed before the watch starts, so it bounds an API server that never answers the first
   * list too. A Rollout that does not exist fails, listing those that do.
   */
  public CompletableFuture<FollowResult> start(FollowRequest request, Deadline deadline, EngineListener listener) {
    FollowSession session = new FollowSession(request, deadline, listener, timers, clock);
    session.start();
    RolloutWatchHub.Subscription subscription;
    try {
      subscription = hub.subscribe(request.rollout(), session);
    } catch (RuntimeException e) {
      session.release();
      return CompletableFuture.failedFuture(e);
    }
    subscription.ready().whenComplete((ready, failure) -> {
      if (failure != null) {
        session.fail(engineError(failure));
      } else if (hub.exists(request.rollout())) {
        session.onWatching();
      } else {
        worker.execute(() -> confirm(request.rollout(), session));
      }
    });
    // the session's own future, so that cancelling it (an interrupted caller) releases everything too
    CompletableFuture<FollowResult> result = session.result();
    result.whenComplete((done, error) -> {
      subscription.close();
      session.release();
    });
    return result;
  }

  public FollowResult follow(FollowRequest request, EngineListener listener) throws InterruptedException {
    return follow(request, Deadline.after(request.timeout(), clock), listener);
  }

  /** Blocks until following ends; engine errors (not found, unreachable) are thrown as they are. */
  public FollowResult follow(FollowRequest request, Deadline deadline, EngineListener listener)
      throws InterruptedException {
    try {
      CompletableFuture<FollowResult> result = start(request, deadline, listener);
      try {
        return result.get();
      } catch (InterruptedException e) {
        result.cancel(false); // releases the subscription and the timers
        throw e;
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
  }

  /**
   * The watch does not know the Rollout: it does not exist, or it was created after a watch that was
   * already running last heard from the server. One read tells which.
   */
  private void confirm(RolloutRef ref, FollowSession session) {
    try {
      hub.read(ref).ifPresentOrElse(state -> {
        session.onWatching();
        session.onState(state);
      }, () -> session.fail(NotFoundException.listing("rollout '" + ref.name() + "' in namespace '"
          + ref.namespace() + "'", hub.names(ref.namespace()))));
    } catch (RuntimeException e) {
      session.fail(engineError(e));
    }
  }

  private static RuntimeException engineError(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    return cause instanceof RolloutPilotException engine ? engine
        : new InternalException(new RolloutPilotException.Details(null, "the watch of rollouts failed to start: "
            + cause.getClass().getSimpleName(), null, null), cause);
  }
}
