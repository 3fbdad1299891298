package io.rolloutpilot.core.rollout.follow;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;

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

  public CompletableFuture<FollowResult> start(FollowRequest request, ProgressListener listener) {
    FollowSession session = new FollowSession(request, listener, timers, clock);
    RolloutWatchHub.Subscription subscription = hub.subscribe(request.rollout(), session);
    return session.result().whenComplete((result, error) -> subscription.close());
  }

  public FollowResult follow(FollowRequest request, ProgressListener listener) throws InterruptedException {
    try {
      return start(request, listener).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
  }
}
