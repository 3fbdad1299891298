package io.rolloutpilot.core.analysis.argo;

import io.rolloutpilot.core.kube.Deadline;
import io.rolloutpilot.core.rollout.RolloutClient;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import io.rolloutpilot.core.event.EngineListener;

/**
 * Mode A: follows a Rollout's current AnalysisRun through watches (never polling) to its end and maps
 * it to our outcome, keeping every measurement on the way.
 */
public final class ArgoAnalysisFollower {
  private final RolloutClient rollouts;
  private final RolloutWatchHub hub;
  private final AnalysisRunClient runs;
  private final ExecutorService worker;
  private final ScheduledExecutorService timers;
  private final Clock clock;

  /**
   * @param worker runs API calls and watch starts off the watch threads (a single thread is enough)
   * @param timers schedules the deadline
   */
  public ArgoAnalysisFollower(RolloutClient rollouts, RolloutWatchHub hub, AnalysisRunClient runs,
      ExecutorService worker, ScheduledExecutorService timers, Clock clock) {
    this.rollouts = rollouts;
    this.hub = hub;
    this.runs = runs;
    this.worker = worker;
    this.timers = timers;
    this.clock = clock;
  }

  /**
   * Blocks until the verdict; fails fast with a "not found" listing when the Rollout is missing. The
   * timeout bounds the first read as well as the follow.
   */
  public ArgoAnalysisResult follow(ArgoAnalysisRequest request, EngineListener listener) {
    Deadline until = Deadline.after(request.timeout(), clock);
    rollouts.within(until).get(request.rollout());
    RunFollowSession session = new RunFollowSession(request, listener, runs, worker, timers, clock);
    ScheduledFuture<?> deadline = !until.limited() ? null
        : timers.schedule(session::onDeadline, until.remaining(clock).toMillis(), TimeUnit.MILLISECONDS);
    try (RolloutWatchHub.Subscription subscription = hub.subscribe(request.rollout(), session.rolloutSubscriber())) {
      subscription.ready().whenComplete((ready, failure) -> {
        if (failure != null) {
          session.fail(failure);
        }
      });
      return session.result().get();
    } catch (InterruptedException e) {
      session.onInterrupted();
      Thread.currentThread().interrupt();
      return session.result().join();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } finally {
      if (deadline != null) {
        deadline.cancel(false);
      }
      session.close();
    }
  }
}
