package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One reconcile of one canary Rollout, in the order of Argo's rolloutCanary (reference §4.1). At
 * most one step completes per reconcile; every status write brings the next reconcile.
 */
final class RolloutReconciler {
  private final KubeApi api;
  private final ReplicaSetManager replicaSets;
  private final CanaryScaler scaler;
  private final PauseLogic pauses;
  private final AnalysisRunManager analysis;
  private final ConditionsWriter conditions;
  private final StatusPersister persister;
  private final EventRecorder events;
  private final ReplicaSetFinder finder;

  RolloutReconciler(KubeApi api, ReplicaSetManager replicaSets, AnalysisRunManager analysis, WorkQueue queue,
      EventRecorder events) {
    this.api = api;
    this.events = events;
    this.finder = new ReplicaSetFinder(api);
    this.replicaSets = replicaSets;
    this.scaler = new CanaryScaler(replicaSets);
    this.pauses = new PauseLogic(queue);
    this.analysis = analysis;
    ProgressDeadline deadline = new ProgressDeadline(queue);
    this.conditions = new ConditionsWriter(deadline, events);
    this.persister = new StatusPersister(api, pauses, conditions, deadline, events);
  }

  void reconcile(String namespace, String name) {
    ObjectNode rollout = api.get(KubeApi.ROLLOUTS, namespace, name);
    if (rollout == null || !rollout.path("spec").path("strategy").path("canary").isObject()) {
      return;
    }
    JsonNode collisions = rollout.path("status").path("collisionCount");
    String hash = TemplateHasher.podTemplateHash(rollout.path("spec").path("template"),
        collisions.isNumber() ? collisions.asInt() : null);
    String stepHash = TemplateHasher.stepHash(rollout.path("spec").path("strategy").path("canary").path("steps"));
    RolloutState st = new RolloutState(rollout, hash, stepHash);
    finder.load(st);
    if (replicaSets.ensureNewReplicaSet(st)) {
      ConditionsWriter.set(st.status, ConditionsWriter.PROGRESSING, "True", "NewReplicaSetCreated",
          "Created new replica set \"" + ReplicaSetManager.nameOf(st.newRs) + "\"");
    }
    conditions.checkPausedConditions(st);
    if (st.aborted() && st.fullyPromoted()) {
      st.removeAbort = true;
    }
    if (templateOrStepsChanged(st)) {
      reset(st);
      persister.persist(st);
      return;
    }
    steadyState(st);
  }

  private void steadyState(RolloutState st) {
    List<String> pruned = replicaSets.pruneHistory(st);
    analysis.deleteForHashes(st, pruned);
    analysis.reconcile(st);
    // As in Argo's rolloutCanary: an analysis-added pause or any scaling skips the pause step logic
    // but still runs the step state machine (syncRolloutStatusCanary) before the write.
    boolean addedPause = st.addPauses.contains(PauseLogic.INCONCLUSIVE) && !st.hasStoredPause(PauseLogic.INCONCLUSIVE);
    if (!addedPause && !(!haltProgress(st) && scaler.reconcile(st))) {
      pauses.reconcileCanaryPause(st);
    }
    syncCanaryStatus(st);
    persister.persist(st);
  }

  /** Argo's PodTemplateOrStepsChanged. */
  private static boolean templateOrStepsChanged(RolloutState st) {
    String storedStepHash = Json.text(st.oldStatus.path("currentStepHash"));
    String storedPodHash = Json.text(st.oldStatus.path("currentPodHash"));
    return storedStepHash.isEmpty() || !storedStepHash.equals(st.stepHash)
        || (!storedPodHash.isEmpty() && !storedPodHash.equals(st.newHash));
  }

  /**
   * resetRolloutStatus. Going back to the stable ReplicaSet, or to one still scaled up within the
   * rollback window, skips every step.
   */
  private void reset(RolloutState st) {
    st.clearPauses = true;
    st.removeAbort = true;
    st.status.remove("promoteFull");
    ObjectNode canary = Json.object(st.status, "canary");
    canary.remove(AnalysisRunManager.STEP_STATUS);
    canary.remove(AnalysisRunManager.BACKGROUND_STATUS);
    int count = st.steps().size();
    if (count == 0) {
      st.status.remove("currentStepIndex");
      return;
    }
    st.status.put("currentStepIndex", 0);
    if (st.newRs != null && st.newHash.equals(st.stableHash())) {
      events.normal(st.rollout, "SkipSteps", "Rollback to stable ReplicaSets");
      st.status.put("currentStepIndex", count);
    } else if (RollbackWindow.within(st) && ReplicaSets.isActive(st.newRs)) {
      events.normal(st.rollout, "SkipSteps", "Rollback to active ReplicaSets within RollbackWindow");
      st.status.put("currentStepIndex", count);
    }
  }

  private static boolean haltProgress(RolloutState st) {
    return st.specPaused() || st.hasStoredPause(PauseLogic.INCONCLUSIVE)
        || st.addPauses.contains(PauseLogic.INCONCLUSIVE);
  }

  /** Argo's syncRolloutStatusCanary. */
  private void syncCanaryStatus(RolloutState st) {
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
      return CanaryScaler.atDesiredCounts(st);
    }
    if (step.has("analysis")) {
      return st.currentStepRun != null && "Successful".equals(AnalysisRunDriver.phase(st.currentStepRun));
    }
    return true;
  }
}
