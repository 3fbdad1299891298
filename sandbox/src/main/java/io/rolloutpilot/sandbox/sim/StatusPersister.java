package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolloutpilot.core.rollout.PhaseStatus;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutPhases;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Argo's persistRolloutStatus: fills in the derived fields, recomputes conditions and phase, and
 * writes the whole status with a PUT to /status, locked on resourceVersion. Nothing is written when
 * nothing changed, so a reconcile triggered by our own write settles instead of looping.
 */
final class StatusPersister {
  private final KubeApi api;
  private final PauseLogic pauses;
  private final ConditionsWriter conditions;
  private final ProgressDeadline deadline;
  private final EventRecorder events;

  StatusPersister(KubeApi api, PauseLogic pauses, ConditionsWriter conditions, ProgressDeadline deadline,
      EventRecorder events) {
    this.api = api;
    this.pauses = pauses;
    this.conditions = conditions;
    this.deadline = deadline;
    this.events = events;
  }

  /** Returns true when a new status was written. */
  boolean persist(RolloutState st) {
    ObjectNode status = st.status;
    status.put("currentPodHash", st.newHash);
    status.put("currentStepHash", st.stepHash);
    boolean abortedBefore = st.aborted();
    pauses.writePauseStatus(st);
    writeReplicaCounts(st);
    status.put("observedGeneration", String.valueOf(st.generation()));
    conditions.calculate(st);
    if (st.aborted() != abortedBefore) {
      pauses.writePauseStatus(st);
      conditions.calculate(st);
    }
    PhaseStatus phase = phase(st);
    status.put("phase", phase.phase().name());
    status.put("message", phase.message());
    if (status.equals(st.oldStatus)) {
      return false;
    }
    ObjectNode updated = st.rollout.deepCopy();
    updated.set("status", status);
    st.rollout = api.updateStatus(KubeApi.ROLLOUTS, updated);
    deadline.scheduleCheck(st);
    pauseEvents(st);
    return true;
  }

  /**
   * Argo's sendStateChangeEvents, after a successful write: paused or resumed. An abort clears the
   * pause conditions too, which is not a resume.
   */
  private void pauseEvents(RolloutState st) {
    boolean wasPaused = st.oldStatus.path("pauseConditions").size() > 0;
    JsonNode conditions = st.status.path("pauseConditions");
    if (wasPaused == conditions.size() > 0) {
      return;
    }
    if (conditions.size() > 0) {
      events.normal(st.rollout, "RolloutPaused", "Rollout is paused (" + conditions.get(0).path("reason").asText() + ")");
    } else if (!st.status.has("abortedAt")) {
      events.normal(st.rollout, "RolloutResumed", "Rollout is resumed");
    }
  }

  private static void writeReplicaCounts(RolloutState st) {
    int replicas = 0;
    int ready = 0;
    int available = 0;
    for (ObjectNode rs : st.replicaSets) {
      replicas += ReplicaSets.statusInt(rs, "replicas");
      ready += ReplicaSets.statusInt(rs, "readyReplicas");
      available += ReplicaSets.statusInt(rs, "availableReplicas");
    }
    ObjectNode status = st.status;
    status.put("replicas", replicas);
    status.put("updatedReplicas", st.newRs == null ? 0 : ReplicaSets.statusInt(st.newRs, "replicas"));
    status.put("readyReplicas", ready);
    status.put("availableReplicas", available);
    status.put("HPAReplicas", replicas);
    Map<String, String> selector = new TreeMap<>(st.selectorLabels());
    status.put("selector", selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(",")));
  }

  /** The controller's CalculateRolloutPhase, as implemented once in core. */
  private PhaseStatus phase(RolloutState st) {
    ObjectNode view = st.rollout.deepCopy();
    view.set("status", st.status);
    return RolloutPhases.controllerPhase(Rollout.from(api.fromJson(view)));
  }
}
