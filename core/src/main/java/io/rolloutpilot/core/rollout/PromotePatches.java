package io.rolloutpilot.core.rollout;

/** The status patch body {@code kubectl argo rollouts promote} sends for a Rollout's current state. */
final class PromotePatches {
  private PromotePatches() {}

  /** Returns the merge-patch body for {@code rollouts/<name>/status}, or null when no status patch is needed. */
  static String promote(Rollout rollout) {
    Rollout.Status status = rollout.status();
    boolean canary = rollout.spec().isCanary();
    int next = nextStepIndex(rollout);
    if (canary && isInconclusivePause(status)) {
      return "{\"status\":{\"pauseConditions\":null,\"controllerPause\":false,\"currentStepIndex\":" + next + "}}";
    }
    if (!status.pauseConditions().isEmpty()) {
      return "{\"status\":{\"pauseConditions\":null}}";
    }
    if (canary) {
      return rollout.spec().steps().isEmpty() ? "{\"status\":{\"pauseConditions\":null}}"
          : "{\"status\":{\"pauseConditions\":null,\"currentStepIndex\":" + next + "}}";
    }
    return null;
  }

  private static boolean isInconclusivePause(Rollout.Status status) {
    Rollout.AnalysisRunStatus run = status.stepAnalysisRun();
    return run != null && "Inconclusive".equals(run.status()) && !status.pauseConditions().isEmpty()
        && status.controllerPause();
  }

  /** The current index plus one, never past the number of steps. */
  private static int nextStepIndex(Rollout rollout) {
    Integer index = rollout.status().currentStepIndex();
    int current = index == null ? 0 : index;
    return Math.min(current + 1, rollout.spec().steps().size());
  }
}
