package io.rolloutpilot.cli.demo;

import io.rolloutpilot.cli.common.EventText;
import io.rolloutpilot.core.event.EngineEvent;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.RolloutProgressed;
import io.rolloutpilot.core.rollout.CanaryStep;
import io.rolloutpilot.core.rollout.RolloutPhase;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.RolloutService;
import io.rolloutpilot.core.rollout.follow.RolloutProgress;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The demo's progress listener for one release: prints each change, remembers how far the steps got
 * and what each AnalysisRun concluded, and promotes past indefinite pauses as a person would.
 */
final class ReleaseWatch implements EngineListener {
  private final DemoLog log;
  private final RolloutService service;
  private final RolloutRef ref;
  private final List<CanaryStep> steps;
  private final ExecutorService promoter;
  private final Map<String, String> analysis = new LinkedHashMap<>();
  private final Set<Integer> promotedAt = new HashSet<>();
  private boolean restarted;
  private int furthestStep;

  ReleaseWatch(DemoLog log, RolloutService service, RolloutRef ref, List<CanaryStep> steps,
      ExecutorService promoter) {
    this.log = log;
    this.service = service;
    this.ref = ref;
    this.steps = steps;
    this.promoter = promoter;
  }

  @Override
  public synchronized void on(EngineEvent event) {
    if (event instanceof RolloutProgressed progressed) {
      onProgress(progressed.progress());
    } else {
      log.line(EventText.of(event));
    }
  }

  private void onProgress(RolloutProgress progress) {
    String step = "";
    if (progress.stepIndex() != null) {
      // A new template restarts at step 0; until then the index shown is the previous release's.
      restarted |= progress.stepIndex() == 0;
      furthestStep = restarted ? Math.max(furthestStep, progress.stepIndex()) : 0;
      step = progress.stepIndex() < steps.size() ? "   <- " + steps.get(progress.stepIndex()).describe() : "";
    }
    log.line(EventText.progress(progress) + step);
    if (progress.analysisRun() != null && progress.analysisPhase() != null && !progress.analysisPhase().isEmpty()) {
      analysis.put(progress.analysisRun(), progress.analysisPhase());
    }
    promoteIfWaitingForAPerson(progress);
  }

  /** Indefinite pauses wait for a person; the demo plays that person. Promote runs off the watch thread. */
  private void promoteIfWaitingForAPerson(RolloutProgress progress) {
    Integer index = progress.stepIndex();
    boolean manualGate = progress.phase().phase() == RolloutPhase.Paused
        && "CanaryPauseStep".equals(progress.phase().message()) && index != null && index < steps.size()
        && steps.get(index).isPause() && steps.get(index).pauseDuration() == null;
    if (manualGate && promotedAt.add(index)) {
      log.line("step " + index + " is an indefinite pause: promoting, as a person would after a look");
      promoter.submit(() -> service.promote(ref, false));
    }
  }

  synchronized int furthestStep() {
    return furthestStep;
  }

  /**
   * AnalysisRun name to the last phase the Rollout mirrored. Argo clears the mirror when the step
   * completes, so a passed run may still read Running here; the summary asks the run itself.
   */
  synchronized Map<String, String> analysis() {
    return new LinkedHashMap<>(analysis);
  }
}
