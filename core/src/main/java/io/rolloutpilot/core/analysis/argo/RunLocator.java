package io.rolloutpilot.core.analysis.argo;

import io.rolloutpilot.core.rollout.ArgoResources;
import io.rolloutpilot.core.rollout.Rollout;
import java.util.Comparator;
import java.util.Optional;

/**
 * Finds a Rollout's current AnalysisRun: the run its status
 * names ({@code status.canary.currentStepAnalysisRunStatus} / {@code currentBackgroundAnalysisRunStatus});
 * failing that, the newest run owned by the Rollout (owner uid) with its current pod template hash.
 */
public final class RunLocator {
  private final AnalysisRunClient runs;

  public RunLocator(AnalysisRunClient runs) {
    this.runs = runs;
  }

  /** The run the Rollout's status names, if any. */
  public Optional<String> named(Rollout rollout, RunKind kind) {
    Rollout.AnalysisRunStatus step = rollout.status().stepAnalysisRun();
    Rollout.AnalysisRunStatus background = rollout.status().backgroundAnalysisRun();
    if (kind != RunKind.BACKGROUND && present(step)) {
      return Optional.of(step.name());
    }
    if (kind != RunKind.STEP && present(background)) {
      return Optional.of(background.name());
    }
    return Optional.empty();
  }

  /** The newest run owned by the Rollout for its current pod hash (and kind), if any. */
  public Optional<AnalysisRunState> owned(Rollout rollout, RunKind kind) {
    String hash = rollout.status().currentPodHash();
    if (hash == null || hash.isEmpty()) {
      return Optional.empty();
    }
    return runs.list(rollout.metadata().namespace(), ArgoResources.POD_TEMPLATE_HASH, hash).stream()
        .filter(run -> run.ownerUids().contains(rollout.metadata().uid()))
        .filter(run -> kind.label() == null || kind.label().equals(run.type()))
        .max(Comparator.comparing(AnalysisRunState::creationTimestamp).thenComparing(AnalysisRunState::name));
  }

  private static boolean present(Rollout.AnalysisRunStatus status) {
    return status != null && status.name() != null && !status.name().isEmpty();
  }
}
