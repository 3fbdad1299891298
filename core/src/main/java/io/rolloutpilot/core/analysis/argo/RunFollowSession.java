package io.rolloutpilot.core.analysis.argo;

import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub;
import io.rolloutpilot.core.validation.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import io.rolloutpilot.core.event.AnalysisRunAwaited;
import io.rolloutpilot.core.event.AnalysisRunFollowed;
import io.rolloutpilot.core.event.AnalysisRunPhaseChanged;
import io.rolloutpilot.core.event.AnalysisTemplateWarned;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.MeasurementTaken;
import io.rolloutpilot.core.rollout.RolloutPredicates;
import io.rolloutpilot.core.rollout.follow.FollowErrors;
import io.rolloutpilot.core.rollout.follow.OutageGuard;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Follows one Rollout's AnalysisRun to its end. It receives Rollout states from the watch hub and run
 * states from the run's own watch, accumulates every measurement, and completes {@link #result()} once.
 * API calls and watch starts run on {@code worker}, never on a watch thread.
 */
final class RunFollowSession {
  private final ArgoAnalysisRequest request;
  private final EngineListener listener;
  private final AnalysisRunClient runs;
  private final RunLocator locator;
  private final Executor worker;
  private final Clock clock;
  private final Instant started;
  private final MeasurementLog log = new MeasurementLog();
  private final RunVerdicts verdicts = new RunVerdicts();
  private final CompletableFuture<ArgoAnalysisResult> result = new CompletableFuture<>();
  private final OutageGuard outage;
  private Rollout rollout;
  private AnalysisRunState run;
  private String runName;
  private List<String> warnings;
  private AnalysisRunClient.RunWatch watch;
  private boolean searching;

  RunFollowSession(ArgoAnalysisRequest request, EngineListener listener, AnalysisRunClient runs, Executor worker,
      ScheduledExecutorService timers, Clock clock) {
    this.request = request;
    this.listener = listener;
    this.runs = runs;
    this.locator = new RunLocator(runs);
    this.worker = worker;
    this.clock = clock;
    this.started = clock.instant();
    this.outage = new OutageGuard(request.maxOutage(), timers, clock, listener, this::onOutageTooLong);
  }

  CompletableFuture<ArgoAnalysisResult> result() {
    return result;
  }

  /** What the Rollout watch delivers to. */
  RolloutWatchHub.Subscriber rolloutSubscriber() {
    return new RolloutWatchHub.Subscriber() {
      @Override
      public void onState(Rollout state) {
        onRollout(state);
      }

      @Override
      public void onDeleted() {
        finish(new RunDecision(Verdict.ERROR, "rollout " + request.rollout() + " was deleted"));
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
    };
  }

  /** What the run's watch delivers to. */
  AnalysisRunClient.RunWatcher runWatcher() {
    return new AnalysisRunClient.RunWatcher() {
      @Override
      public void onState(AnalysisRunState state) {
        onRun(state);
      }

      @Override
      public void onDeleted() {
        onRunDeleted();
      }
    };
  }

  private synchronized void onRollout(Rollout state) {
    rollout = state;
    if (result.isDone()) {
      return;
    }
    if (runName == null && !searching) {
      searching = true;
      worker.execute(this::locate);
    } else if (runName != null && state.status().abort() && (run == null || !run.completed())) {
      worker.execute(this::recheckAfterAbort);
    }
  }

  /** Finds the run: named in the status, else owned with the current hash, else waits for the next state. */
  private void locate() {
    Rollout current;
    synchronized (this) {
      current = rollout;
    }
    String name = locator.named(current, request.kind())
        .or(() -> locator.owned(current, request.kind()).map(AnalysisRunState::name)).orElse(null);
    synchronized (this) {
      searching = false;
      if (name == null) {
        noRunYet(current);
        return;
      }
      runName = name;
    }
    listener.on(new AnalysisRunFollowed(request.rollout(), name));
    AnalysisRunClient.RunWatch started = runs.watch(request.rollout().namespace(), name, runWatcher());
    synchronized (this) {
      watch = started;
      if (result.isDone()) {
        started.close();
      } else if (!started.found()) {
        finish(new RunDecision(Verdict.ERROR, "AnalysisRun " + name + " named by rollout " + request.rollout()
            + " does not exist"));
      }
    }
  }

  private void noRunYet(Rollout current) {
    boolean settled = RolloutPredicates.isGenerationObserved(current)
        && (RolloutPredicates.isAborted(current) || RolloutPredicates.isPromotedToStable(current));
    if (settled) {
      finish(new RunDecision(Verdict.ERROR, "rollout " + request.rollout() + " has no " + kindWords()
          + "AnalysisRun for its current pod hash " + current.status().currentPodHash() + " and is "
          + (current.status().abort() ? "aborted" : "fully promoted") + "; there is nothing to follow"));
    } else {
      listener.on(new AnalysisRunAwaited(request.rollout(), request.kind().name().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  private String kindWords() {
    return request.kind() == RunKind.ANY ? "" : request.kind().name().toLowerCase(java.util.Locale.ROOT) + " ";
  }

  /** The Rollout was aborted: read the run now, since its own final state may still be on its way. */
  private void recheckAfterAbort() {
    String name;
    synchronized (this) {
      name = runName;
    }
    runs.get(request.rollout().namespace(), name).ifPresentOrElse(this::onRun, this::onRunDeleted);
  }

  private synchronized void onRun(AnalysisRunState state) {
    if (result.isDone() || !state.name().equals(runName)) {
      return;
    }
    String previousPhase = run == null ? null : run.phase();
    run = state;
    if (warnings == null) {
      List<TemplateLint.Finding> findings = new TemplateLint().check(state);
      findings.forEach(f -> listener.on(new AnalysisTemplateWarned(state.name(), f.metric(), f.text())));
      warnings = findings.stream().map(TemplateLint.Finding::describe).toList();
    }
    for (ArgoMeasurement m : log.merge(state)) {
      listener.on(new MeasurementTaken(state.name(), m.metric(), m.phase(), m.value(), m.message()));
    }
    if (!state.phase().equals(previousPhase)) {
      listener.on(new AnalysisRunPhaseChanged(state.name(), state.phase(), state.message()));
    }
    boolean aborted = rollout != null && rollout.status().abort();
    RunDecision decision = verdicts.decide(state, aborted, rollout == null ? "" : rollout.status().message());
    if (decision != null) {
      finish(decision);
    }
  }

  private synchronized void onRunDeleted() {
    finish(new RunDecision(Verdict.ERROR, "AnalysisRun " + runName + " was deleted before it ended"
        + (run == null ? "" : " (last phase: " + (run.phase().isEmpty() ? "none" : run.phase()) + ")")));
  }

  synchronized void onDeadline() {
    Duration down = outage.current();
    if (down != null) {
      finish(new RunDecision(Verdict.ERROR, "the API server had been unreachable for "
          + FollowErrors.measured(down) + " when the " + Durations.format(request.timeout())
          + " given ran out; the run's outcome is unknown"));
      return;
    }
    finish(new RunDecision(Verdict.TIMED_OUT, "no verdict within " + Durations.format(request.timeout())
        + (run == null ? "; no AnalysisRun was found" : "; AnalysisRun " + run.name() + " is still "
        + (run.phase().isEmpty() ? "starting" : run.phase())) + "; the rollout was left as it is"));
  }

  private synchronized void onOutageTooLong(Duration lasted) {
    finish(new RunDecision(Verdict.ERROR, "the API server has been unreachable for "
        + FollowErrors.measured(lasted) + ", longer than the " + Durations.format(request.maxOutage())
        + " allowed; the run's outcome is unknown"));
  }

  /** The Rollout's watch could not start: an engine error, thrown to the caller as it is. */
  synchronized void fail(Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    outage.release();
    result.completeExceptionally(cause);
  }

  synchronized void onInterrupted() {
    finish(new RunDecision(Verdict.ABORTED, "following was interrupted before the run ended; the rollout was left"
        + " as it is"));
  }

  synchronized void close() {
    outage.release();
    if (watch != null) {
      watch.close();
    }
  }

  private synchronized void finish(RunDecision decision) {
    if (result.isDone()) {
      return;
    }
    outage.release();
    List<ArgoMetricReport> metrics = run == null ? List.of() : new MetricReports().of(run, log);
    List<String> notes = new ArrayList<>(warnings == null ? List.of() : warnings);
    int taken = 0;
    for (ArgoMetricReport metric : metrics) {
      taken += metric.taken();
      if (metric.taken() > metric.measurements().size()) {
        notes.add("metric " + metric.name() + ": kept " + metric.measurements().size() + " of " + metric.taken()
            + " measurements; the others were taken before we started following");
      }
    }
    result.complete(new ArgoAnalysisResult(decision.verdict(), decision.reason(), request.rollout().namespace(),
        request.rollout().name(), run, metrics, notes, log.size(), taken, Duration.between(started, clock.instant())));
  }
}
