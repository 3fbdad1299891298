package io.rolloutpilot.core.rollout.follow;

import io.rolloutpilot.core.event.DegradedGraceEnded;
import io.rolloutpilot.core.event.DegradedGraceStarted;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.RolloutProgressed;
import io.rolloutpilot.core.kube.Deadline;
import io.rolloutpilot.core.rollout.PhaseStatus;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutPhase;
import io.rolloutpilot.core.validation.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Follows one Rollout until its wait target, a failure, the deadline or too long an outage: receives
 * states and the watch's losses from the watch hub, emits an event for each change, and completes
 * {@link #result()} once. When the deadline passes while the API server does not answer, the outcome is
 * unknown and the result fails with an environment error instead of timing out.
 */
final class FollowSession implements RolloutWatchHub.Subscriber {
  private final FollowRequest request;
  private final Deadline deadline;
  private final EngineListener listener;
  private final ScheduledExecutorService timers;
  private final Clock clock;
  private final Instant started;
  private final OutageGuard outage;
  private final CompletableFuture<FollowResult> result = new CompletableFuture<>();
  private Rollout last;
  private RolloutProgress lastProgress;
  private boolean watching;
  private ScheduledFuture<?> grace;
  private ScheduledFuture<?> deadlineTimer;

  FollowSession(FollowRequest request, EngineListener listener, ScheduledExecutorService timers, Clock clock) {
    this(request, Deadline.after(request.timeout(), clock), listener, timers, clock);
  }

  FollowSession(FollowRequest request, Deadline deadline, EngineListener listener, ScheduledExecutorService timers,
      Clock clock) {
    this.request = request;
    this.deadline = deadline;
    this.listener = listener;
    this.timers = timers;
    this.clock = clock;
    this.started = clock.instant();
    this.outage = new OutageGuard(request.maxOutage(), timers, clock, listener, this::onOutageTooLong);
  }

  /** Arms the deadline; a separate step so no timer can fire into a session still being built. */
  synchronized void start() {
    if (deadline.limited() && !result.isDone()) {
      deadlineTimer = timers.schedule(this::onDeadline, deadline.remaining(clock).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  CompletableFuture<FollowResult> result() {
    return result;
  }

  /** The watch has started and the Rollout exists. */
  synchronized void onWatching() {
    watching = true;
  }

  /** Ends following with an error: the watch could not start, the Rollout is missing, the server is gone. */
  synchronized void fail(RuntimeException error) {
    release();
    result.completeExceptionally(error);
  }

  @Override
  public synchronized void onState(Rollout rollout) {
    watching = true;
    if (result.isDone() || rollout.metadata().generation() < request.minGeneration()
        || request.predatesOurWrite(rollout)) {
      return;
    }
    last = rollout;
    RolloutProgress progress = RolloutProgress.of(rollout);
    if (!progress.equals(lastProgress)) {
      listener.on(new RolloutProgressed(clock.instant(), request.rollout(), progress, lastProgress));
      lastProgress = progress;
    }
    judge(progress.phase());
  }

  @Override
  public void onWatchLost(Instant since, String cause) {
    if (!result.isDone()) {
      outage.lost(since, cause);
    }
  }

  @Override
  public void onWatchRestored(Duration lasted) {
    outage.restored();
  }

  private void judge(PhaseStatus phase) {
    if (phase.phase() == RolloutPhase.Healthy) {
      finish(FollowResult.Outcome.HEALTHY, "Healthy");
    } else if (phase.phase() == RolloutPhase.Paused && request.target() == WaitTarget.PAUSED_OR_HEALTHY) {
      finish(FollowResult.Outcome.PAUSED, phase.watchLine());
    } else if (phase.phase() == RolloutPhase.Degraded) {
      degraded(phase);
    } else {
      cancelGrace();
    }
  }

  /** A progress deadline without an abort may be transient; everything else Degraded is final. */
  private void degraded(PhaseStatus phase) {
    boolean transientKind = phase.message().startsWith("ProgressDeadlineExceeded") && !last.status().abort();
    if (!transientKind || request.degradedGrace().isZero()) {
      finish(FollowResult.Outcome.DEGRADED, phase.watchLine());
    } else if (grace == null) {
      listener.on(new DegradedGraceStarted(request.rollout(), request.degradedGrace()));
      grace = timers.schedule(() -> onGraceOver(phase), request.degradedGrace().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void cancelGrace() {
    if (grace != null) {
      grace.cancel(false);
      grace = null;
      listener.on(new DegradedGraceEnded(request.rollout()));
    }
  }

  private synchronized void onGraceOver(PhaseStatus phase) {
    finish(FollowResult.Outcome.DEGRADED, phase.watchLine() + " (still degraded after the "
        + Durations.format(request.degradedGrace()) + " grace period)");
  }

  @Override
  public synchronized void onDeleted() {
    finish(FollowResult.Outcome.DELETED, "rollout " + request.rollout() + " was deleted");
  }

  private synchronized void onDeadline() {
    Duration down = outage.current();
    if (!watching) {
      fail(FollowErrors.neverAnswered(request.rollout(), deadline.budget()));
    } else if (down != null) {
      fail(FollowErrors.unreachableAtDeadline(request.rollout(), deadline.budget(), down));
    } else {
      String state = lastProgress == null ? "no state seen" : "last state: " + lastProgress.phase().watchLine();
      finish(FollowResult.Outcome.TIMED_OUT, "Rollout status watch exceeded timeout ("
          + Durations.format(deadline.budget()) + "; " + state + ")");
    }
  }

  private synchronized void onOutageTooLong(Duration lasted) {
    fail(FollowErrors.outageTooLong(request.rollout(), request.maxOutage(), lasted));
  }

  /** Cancels every timer, so nothing of a follow that ended (or was cancelled) outlives it. */
  synchronized void release() {
    if (grace != null) {
      grace.cancel(false);
      grace = null;
    }
    if (deadlineTimer != null) {
      deadlineTimer.cancel(false);
      deadlineTimer = null;
    }
    outage.release();
  }

  private void finish(FollowResult.Outcome outcome, String reason) {
    release();
    result.complete(new FollowResult(outcome, last, lastProgress, reason, Duration.between(started, clock.instant()),
        null));
  }
}
