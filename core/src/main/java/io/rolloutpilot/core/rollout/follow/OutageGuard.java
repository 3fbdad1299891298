package io.rolloutpilot.core.rollout.follow;

import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.ServerReachable;
import io.rolloutpilot.core.event.ServerUnreachable;
import io.rolloutpilot.core.kube.ClusterErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One follower's view of an outage of the API server: reports it when the watch is lost and when it is
 * back, and gives up when it lasts longer than allowed. The give-up is called without this guard's
 * lock held, so a follower may take its own lock in it. Its timer lives only as long as the outage, and
 * {@link #release} ends it with the follow.
 */
public final class OutageGuard {
  private final Duration maxOutage;
  private final ScheduledExecutorService timers;
  private final Clock clock;
  private final EngineListener listener;
  private final Consumer<Duration> giveUp;
  private Instant since;
  private ScheduledFuture<?> timer;
  private boolean released;

  /** @param giveUp called once, with the outage so far, when it exceeds {@code maxOutage} */
  public OutageGuard(Duration maxOutage, ScheduledExecutorService timers, Clock clock, EngineListener listener,
      Consumer<Duration> giveUp) {
    this.maxOutage = maxOutage;
    this.timers = timers;
    this.clock = clock;
    this.listener = listener;
    this.giveUp = giveUp;
  }

  /** The watch has been down since {@code lostAt}; reported once per outage. */
  public synchronized void lost(Instant lostAt, String cause) {
    if (released || since != null) {
      return;
    }
    since = lostAt;
    listener.on(new ServerUnreachable(ClusterErrors.SERVER, cause, maxOutage));
    Duration left = maxOutage.minus(Duration.between(lostAt, clock.instant()));
    timer = timers.schedule(this::expire, Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** The watch is back: the outage is over, and reported as such. */
  public synchronized void restored() {
    if (released || since == null) {
      return;
    }
    Duration outage = Duration.between(since, clock.instant());
    cancelTimer();
    since = null;
    listener.on(new ServerReachable(ClusterErrors.SERVER, outage));
  }

  /** The length of the outage going on now, or null when the server answers. */
  public synchronized Duration current() {
    return since == null ? null : Duration.between(since, clock.instant());
  }

  public Duration maxOutage() {
    return maxOutage;
  }

  /** Ends the guard with its follow: no timer stays behind and nothing more is reported. */
  public synchronized void release() {
    released = true;
    cancelTimer();
  }

  private void expire() {
    Duration outage;
    synchronized (this) {
      if (released || since == null) {
        return;
      }
      outage = Duration.between(since, clock.instant());
      timer = null;
    }
    giveUp.accept(outage);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
