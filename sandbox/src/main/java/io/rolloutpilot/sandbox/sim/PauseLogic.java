package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.time.Instant;

/** Pause steps, pause conditions and the abort flag (Argo's pauseContext). */
final class PauseLogic {
  static final String CANARY_PAUSE_STEP = "CanaryPauseStep";
  static final String INCONCLUSIVE = "InconclusiveAnalysisRun";

  private final WorkQueue queue;

  PauseLogic(WorkQueue queue) {
    this.queue = queue;
  }

  /**
   * At a pause step, adds the CanaryPauseStep condition unless the controller already paused (then a
   * missing condition means the user promoted). Schedules the wake-up of a timed pause.
   */
  void reconcileCanaryPause(RolloutState st) {
    JsonNode step = st.currentStep();
    if (st.specPaused() || st.aborted() || !step.has("pause")) {
      return;
    }
    JsonNode condition = storedCondition(st, CANARY_PAUSE_STEP);
    if (condition == null) {
      if (!st.controllerPause()) {
        st.addPauses.add(CANARY_PAUSE_STEP);
      }
      return;
    }
    Duration duration = PauseDurations.pauseDuration(step.path("pause"));
    Instant start = Json.time(Json.text(condition.path("startTime")));
    if (duration != null && start != null) {
      queue.wakeAt(st.namespace() + "/" + st.name(), start.plus(duration).plusMillis(50));
    }
  }

  /** Argo's completedPauseStep: expired timer, or the user removed the condition the controller set. */
  boolean completedPauseStep(RolloutState st, JsonNode pause) {
    JsonNode condition = storedCondition(st, CANARY_PAUSE_STEP);
    Duration duration = PauseDurations.pauseDuration(pause);
    if (duration != null && condition != null) {
      Instant start = Json.time(Json.text(condition.path("startTime")));
      if (start != null && Instant.now().isAfter(start.plus(duration))) {
        return true;
      }
    }
    return st.controllerPause() && condition == null;
  }

  /** Argo's CalculatePauseStatus: abort wins; otherwise keep, drop and add conditions. */
  void writePauseStatus(RolloutState st) {
    if (st.aborted()) {
      st.status.put("abort", true);
      st.status.remove("pauseConditions");
      st.status.remove("controllerPause");
      String abortedAt = Json.text(st.oldStatus.path("abortedAt"));
      st.status.put("abortedAt", abortedAt.isEmpty() ? Json.now() : abortedAt);
      return;
    }
    st.status.remove("abort");
    st.status.remove("abortedAt");
    boolean controllerPause = st.controllerPause();
    ArrayNode conditions = Json.MAPPER.createArrayNode();
    java.util.Set<String> existing = new java.util.HashSet<>();
    for (JsonNode condition : st.oldStatus.path("pauseConditions")) {
      String reason = condition.path("reason").asText();
      existing.add(reason);
      if (!st.removePauses.contains(reason)) {
        conditions.add(condition.deepCopy());
      }
    }
    for (String reason : st.addPauses) {
      if (existing.add(reason)) {
        conditions.addObject().put("reason", reason).put("startTime", Json.now());
        controllerPause = true;
      }
    }
    if (st.clearPauses || conditions.isEmpty()) {
      st.status.remove("pauseConditions");
      st.status.remove("controllerPause");
      return;
    }
    st.status.set("pauseConditions", conditions);
    if (controllerPause) {
      st.status.put("controllerPause", true);
    } else {
      st.status.remove("controllerPause");
    }
  }

  static JsonNode storedCondition(RolloutState st, String reason) {
    for (JsonNode condition : st.oldStatus.path("pauseConditions")) {
      if (reason.equals(condition.path("reason").asText())) {
        return condition;
      }
    }
    return null;
  }
}
