package io.rolloutpilot.core.rollout.follow;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.error.NotFoundException;
import io.rolloutpilot.core.rollout.RolloutRef;

/**
 * Follows Rollouts through a shared watch, never by polling. {@link #start} is non-blocking, so one
 * process can follow many Rollouts on a handful of threads; {@link #follow} blocks for one.
 */
public final class RolloutFollower {
  private final RolloutWatchHub hub;
  private final ScheduledExecutorService timers;
  private final Clock clock;

  public RolloutFollower(RolloutWatchHub hub, ScheduledExecutorService timers, Clock clock) {
    this.hub = hub;
    this.timers = timers;
    this.clock = clock;
  }

  /**
   * Follows without holding a thread: the result completes from the watch thread or a timer. A Rollout
   * that does not exist fails at once, listing those that do.
   */
  public CompletableFuture<FollowResult> start(FollowRequest request, EngineListener listener) {
    FollowSession session = new FollowSession(request, listener, timers, clock);
    RolloutWatchHub.Subscription subscription = hub.subscribe(request.rollout(), session);
    if (!hub.exists(request.rollout())) {
      subscription.close();
      RolloutRef ref = request.rollout();
      return CompletableFuture.failedFuture(NotFoundException.listing("rollout '" + ref.name() + "' in namespace '"
          + ref.namespace() + "'", hub.names(ref.namespace())));
    }
    session.start();
    return session.result().whenComplete((result, error) -> {
      subscription.close();
      session.release();
    });
  }

  public FollowResult follow(FollowRequest request, EngineListener listener) throws InterruptedException {
    try {
      CompletableFuture<FollowResult> result = start(request, listener);
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
}
