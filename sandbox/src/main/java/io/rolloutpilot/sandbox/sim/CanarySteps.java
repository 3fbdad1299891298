package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The canary step state machine, Argo's syncRolloutStatusCanary: full promotion (with its reason),
 * the index after an abort, or the next step once the current one is done. At most one step
 * completes per reconcile.
 */
final class CanarySteps {
  private final PauseLogic pauses;
  private final EventRecorder events;

  CanarySteps(PauseLogic pauses, EventRecorder events) {
    this.pauses = pauses;
    this.events = events;
  }

  /** Argo's syncRolloutStatusCanary. */
  void sync(RolloutState st) {
    int count = st.steps().size();
    Integer index = st.storedIndex();
    if (st.promoteFull() || RollbackWindow.within(st)) {
      st.clearPauses = true;
      st.removeAbort = true;
      index = count > 0 ? count : null;
    }
    String reason = st.fullyPromoted() ? null : fullPromotionReason(st, index);
    if (reason != null) {
      events.normal(st.rollout, "RolloutCompleted", "Rollout completed update to revision " + st.revision() + " ("
          + st.newHash + "): " + reason);
      st.status.put("stableRS", st.newHash);
      st.status.remove("promoteFull");
      st.clearPauses = true;
      st.removeAbort = true;
      index = count > 0 ? count : null;
    } else if (st.aborted()) {
      index = count == 0 ? null : st.fullyPromoted() ? count : 0;
    } else if (completedCurrentStep(st)) {
      events.normal(st.rollout, "RolloutStepCompleted", "Rollout step " + (index + 1) + "/" + count + " completed ("
          + StepStrings.of(st.currentStep()) + ")");
      index = index + 1;
      Json.object(st.status, "canary").remove(AnalysisRunManager.STEP_STATUS);
      st.removePauses.add(PauseLogic.CANARY_PAUSE_STEP);
    }
    if (index == null) {
      st.status.remove("currentStepIndex");
    } else {
      st.status.put("currentStepIndex", index);
    }
  }

  /** Argo's shouldFullPromote; the reason string ends up in the RolloutCompleted event. */
  private static String fullPromotionReason(RolloutState st, Integer index) {
    if (st.stableRs() == null) {
      return "Initial deploy";
    }
    if (st.aborted() || st.newRs == null || ReplicaSets.statusInt(st.newRs, "availableReplicas") < st.replicas()) {
      return null;
    }
    if (st.promoteFull()) {
      return "Full promotion requested";
    }
    if (RollbackWindow.within(st)) {
      return "Rollback within window";
    }
    int count = st.steps().size();
    return count == 0 || (index != null && index == count) ? "Completed all " + count + " canary steps" : null;
  }

  private boolean completedCurrentStep(RolloutState st) {
    JsonNode step = st.currentStep();
    if (st.specPaused() || step.isMissingNode()) {
      return false;
    }
    if (step.has("pause")) {
      return pauses.completedPauseStep(st, step.path("pause"));
    }
    if (step.has("setWeight")) {
      return CanaryReplicaCounts.atDesired(st);
    }
    if (step.has("analysis")) {
      return st.currentStepRun != null && "Successful".equals(AnalysisRunDriver.phase(st.currentStepRun));
    }
    return true;
  }
}
