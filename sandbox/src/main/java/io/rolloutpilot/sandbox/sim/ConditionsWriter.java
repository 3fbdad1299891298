package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rollout conditions: Argo's checkPausedConditions and calculateRolloutConditions,
 * including its rule that an unchanged condition keeps its timestamps (so writes stay idempotent)
 * and a changed one moves to the end of the list.
 */
final class ConditionsWriter {
  static final String PROGRESSING = "Progressing";

  private final ProgressDeadline deadline;
  private final EventRecorder events;

  ConditionsWriter(ProgressDeadline deadline, EventRecorder events) {
    this.deadline = deadline;
    this.events = events;
  }

  /**
   * Argo's checkPausedConditions: Progressing/Paused conditions for pause-state changes, and
   * RolloutRetry after abort=false. A completed rollout (stable is current) keeps its Progressing
   * condition when paused or resumed: it has nothing left to progress, and flipping the condition
   * there would fight the NewReplicaSetAvailable the same reconcile writes back.
   */
  void checkPausedConditions(RolloutState st) {
    JsonNode progressing = find(st.status, PROGRESSING);
    String reason = progressing == null ? "" : progressing.path("reason").asText();
    boolean paused = st.oldStatus.path("pauseConditions").size() > 0 || st.specPaused();
    boolean abortCondition = "RolloutAborted".equals(reason);
    String stable = Json.text(st.oldStatus.path("stableRS"));
    boolean completed = !stable.isEmpty() && stable.equals(Json.text(st.oldStatus.path("currentPodHash")));
    if (paused != "RolloutPaused".equals(reason) && !abortCondition && !completed) {
      set(st.status, PROGRESSING, "Unknown", paused ? "RolloutPaused" : "RolloutResumed",
          paused ? "Rollout is paused" : "Rollout is resumed");
    }
    if (!st.oldStatus.path("abort").asBoolean(false) && abortCondition) {
      set(st.status, PROGRESSING, "Unknown", "RolloutRetry", "Retrying Rollout after abort");
    }
    JsonNode pausedCondition = find(st.status, "Paused");
    boolean pausedTrue = pausedCondition != null && "True".equals(pausedCondition.path("status").asText());
    if (paused != pausedTrue && !abortCondition) {
      set(st.status, "Paused", paused ? "True" : "False", "RolloutPaused", "Rollout is paused");
    }
  }

  /** Healthy, Progressing, Available and Completed for the status about to be written. */
  void calculate(RolloutState st) {
    ObjectNode status = st.status;
    boolean paused = st.oldStatus.path("pauseConditions").size() > 0 || st.specPaused();
    boolean healthy = healthy(st);
    if (!paused && healthy) {
      set(status, "Healthy", "True", "RolloutHealthy", "Rollout is healthy");
    } else if (find(status, "Healthy") != null) {
      set(status, "Healthy", "False", "RolloutHealthy", "Rollout is not healthy");
    }
    String rsName = st.newRs == null ? st.name() : ReplicaSets.nameOf(st.newRs);
    if (!st.aborted()) {
      progress(st, healthy, rsName);
    } else {
      abortCondition(st);
    }
    int available = status.path("availableReplicas").asInt(0);
    if (available >= st.replicas()) {
      set(status, "Available", "True", "AvailableReason", "Rollout has minimum availability");
    } else {
      set(status, "Available", "False", "AvailableReason", "Rollout does not have minimum availability");
    }
    completed(st);
  }

  /** Completed; its turning False (a new update started) is an event, as in Argo's controller. */
  private void completed(RolloutState st) {
    String stable = Json.text(st.status.path("stableRS"));
    String current = Json.text(st.status.path("currentPodHash"));
    boolean completed = !stable.isEmpty() && stable.equals(current);
    if (!completed && changes(st.status, "Completed", "False", "RolloutCompleted")) {
      events.normal(st.rollout, "RolloutNotCompleted", "Rollout not completed, started update to revision "
          + st.revision() + " (" + current + ")");
    }
    set(st.status, "Completed", completed ? "True" : "False", "RolloutCompleted", "RolloutCompleted");
  }

  private void progress(RolloutState st, boolean healthy, String rsName) {
    if (healthy) {
      set(st.status, PROGRESSING, "True", "NewReplicaSetAvailable",
          "ReplicaSet \"" + rsName + "\" has successfully progressed.");
    } else if (madeProgress(st)) {
      JsonNode current = find(st.status, PROGRESSING);
      String transition = current != null && "True".equals(current.path("status").asText())
          ? Json.text(current.path("lastTransitionTime")) : Json.now();
      remove(st.status, PROGRESSING);
      ObjectNode condition = set(st.status, PROGRESSING, "True", "ReplicaSetUpdated",
          "ReplicaSet \"" + rsName + "\" is progressing.");
      condition.put("lastTransitionTime", transition);
    } else if (!deadline.indefinite(st) && deadline.timedOut(st)) {
      String message = "ReplicaSet \"" + rsName + "\" has timed out progressing.";
      set(st.status, PROGRESSING, "False", "ProgressDeadlineExceeded", message);
      if (st.spec().path("progressDeadlineAbort").asBoolean(false) && !st.fullyPromoted()) {
        st.abort("");
        events.warning(st.rollout, "RolloutAborted", message);
      }
    }
  }

  /** The abort message survives later reconciles (they no longer know why the rollout aborted). */
  private void abortCondition(RolloutState st) {
    String base = "Rollout aborted update to revision " + st.revision();
    String message = st.abortMessage.isEmpty() ? base : base + ": " + st.abortMessage;
    JsonNode current = find(st.status, PROGRESSING);
    if (st.abortMessage.isEmpty() && current != null && "RolloutAborted".equals(current.path("reason").asText())
        && current.path("message").asText().startsWith(base)) {
      return;
    }
    if (changes(st.status, PROGRESSING, "False", "RolloutAborted")) {
      events.warning(st.rollout, "RolloutAborted", message);
    }
    set(st.status, PROGRESSING, "False", "RolloutAborted", message);
  }

  /** Argo's RolloutProgressing: pod hash, stable RS, step index or step hash moved, or more pods came up. */
  private static boolean madeProgress(RolloutState st) {
    ObjectNode o = st.oldStatus;
    ObjectNode n = st.status;
    return !o.path("currentPodHash").equals(n.path("currentPodHash"))
        || !o.path("stableRS").equals(n.path("stableRS"))
        || !o.path("currentStepIndex").equals(n.path("currentStepIndex"))
        || !o.path("currentStepHash").equals(n.path("currentStepHash"))
        || o.path("updatedReplicas").asInt(0) != n.path("updatedReplicas").asInt(0)
        || n.path("readyReplicas").asInt(0) > o.path("readyReplicas").asInt(0)
        || n.path("availableReplicas").asInt(0) > o.path("availableReplicas").asInt(0);
  }

  /** Argo's RolloutHealthy: everything updated and available, all steps done, stable is current, no old pods. */
  static boolean healthy(RolloutState st) {
    ObjectNode n = st.status;
    int steps = st.steps().size();
    boolean allSteps = steps == 0 || !n.path("currentStepIndex").isNumber()
        || n.path("currentStepIndex").asInt() == steps;
    String stable = Json.text(n.path("stableRS"));
    boolean stableIsCurrent = !stable.isEmpty() && stable.equals(Json.text(n.path("currentPodHash")));
    boolean observed = Json.text(st.oldStatus.path("observedGeneration")).equals(String.valueOf(st.generation()));
    int replicas = st.replicas();
    return n.path("updatedReplicas").asInt(0) == replicas && n.path("availableReplicas").asInt(0) == replicas
        && n.path("replicas").asInt(0) == replicas && observed && allSteps && stableIsCurrent;
  }

  static JsonNode find(ObjectNode status, String type) {
    for (JsonNode condition : status.path("conditions")) {
      if (type.equals(condition.path("type").asText())) {
        return condition;
      }
    }
    return null;
  }

  /** Whether Argo's SetRolloutCondition would report a change: no such condition, or another status or reason. */
  static boolean changes(ObjectNode status, String type, String condStatus, String reason) {
    JsonNode current = find(status, type);
    return current == null || !condStatus.equals(current.path("status").asText())
        || !reason.equals(current.path("reason").asText());
  }

  /** Argo's SetRolloutCondition. Returns the stored condition. */
  static ObjectNode set(ObjectNode status, String type, String condStatus, String reason, String message) {
    JsonNode current = find(status, type);
    if (current != null && condStatus.equals(current.path("status").asText())
        && reason.equals(current.path("reason").asText()) && message.equals(current.path("message").asText())) {
      return (ObjectNode) current;
    }
    String now = Json.now();
    String transition = current != null && condStatus.equals(current.path("status").asText())
        ? Json.text(current.path("lastTransitionTime")) : now;
    remove(status, type);
    ObjectNode condition = Json.array(status, "conditions").addObject();
    condition.put("type", type).put("status", condStatus).put("lastUpdateTime", now)
        .put("lastTransitionTime", transition).put("reason", reason).put("message", message);
    return condition;
  }

  static void remove(ObjectNode status, String type) {
    JsonNode conditions = status.path("conditions");
    if (conditions instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (type.equals(array.get(i).path("type").asText())) {
          array.remove(i);
        }
      }
    }
  }
}
