package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One reconcile of one canary Rollout, in the order of Argo's rolloutCanary.
 * Every status write brings the next reconcile.
 */
final class RolloutReconciler {
  private final KubeApi api;
  private final ReplicaSetFinder finder;
  private final DesiredReplicaSet desired;
  private final EphemeralMetadataSync metadata;
  private final RevisionHistory history;
  private final TrafficRouting traffic;
  private final CanaryScaler scaler;
  private final PauseLogic pauses;
  private final AnalysisRunManager analysis;
  private final CanarySteps steps;
  private final ConditionsWriter conditions;
  private final StatusPersister persister;
  private final EventRecorder events;

  RolloutReconciler(KubeApi api, WorkQueue queue, EventRecorder events, ReplicaSetWriter writer, PodSimulator pods) {
    this.api = api;
    this.events = events;
    this.finder = new ReplicaSetFinder(api);
    this.desired = new DesiredReplicaSet(api, writer, events);
    this.metadata = new EphemeralMetadataSync(writer);
    this.history = new RevisionHistory(writer);
    this.traffic = new TrafficRouting(events);
    this.scaler = new CanaryScaler(pods, new ScaleDownDeadlines(writer, queue));
    this.pauses = new PauseLogic(queue);
    this.analysis = new AnalysisRunManager(api, events);
    this.steps = new CanarySteps(pauses, events);
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
    if (desired.ensure(st)) {
      ConditionsWriter.set(st.status, ConditionsWriter.PROGRESSING, "True", "NewReplicaSetCreated",
          "Created new replica set \"" + ReplicaSets.nameOf(st.newRs) + "\"");
    } else if (ConditionsWriter.find(st.status, ConditionsWriter.PROGRESSING) == null) {
      ConditionsWriter.set(st.status, ConditionsWriter.PROGRESSING, "True", "FoundNewReplicaSet",
          "Found new replica set \"" + ReplicaSets.nameOf(st.newRs) + "\"");
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
    metadata.reconcile(st);
    analysis.deleteForHashes(st, history.prune(st));
    traffic.reconcile(st);
    analysis.reconcile(st);
    // As in Argo's rolloutCanary: an analysis-added pause or any scaling skips the pause step logic
    // but still runs the step state machine (syncRolloutStatusCanary) before the write.
    boolean addedPause = st.addPauses.contains(PauseLogic.INCONCLUSIVE) && !st.hasStoredPause(PauseLogic.INCONCLUSIVE);
    if (!addedPause && !(!haltProgress(st) && scaler.reconcile(st))) {
      pauses.reconcileCanaryPause(st);
    }
    steps.sync(st);
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
}
