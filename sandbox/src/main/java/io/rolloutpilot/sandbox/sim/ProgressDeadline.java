package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;

/**
 * progressDeadlineSeconds (default 600): measured from the Progressing condition's lastUpdateTime,
 * not checked at pause/analysis steps or while paused (Argo's isIndefiniteStep).
 */
final class ProgressDeadline {
  private static final Set<String> SETTLED = Set.of("NewReplicaSetAvailable", "ProgressDeadlineExceeded",
      "RolloutAborted");

  private final WorkQueue queue;

  ProgressDeadline(WorkQueue queue) {
    this.queue = queue;
  }

  static int seconds(RolloutState st) {
    return st.spec().path("progressDeadlineSeconds").asInt(600);
  }

  /** Argo's isIndefiniteStep, plus its isWaitingForReplicaSetScaleDown (an old ReplicaSet waits out a delay). */
  boolean indefinite(RolloutState st) {
    JsonNode step = st.currentStep();
    return step.has("pause") || step.has("analysis") || step.has("experiment") || st.specPaused()
        || st.oldStatus.path("pauseConditions").size() > 0
        || st.otherReplicaSets().stream().anyMatch(ReplicaSets::hasScaleDownDeadline);
  }

  boolean timedOut(RolloutState st) {
    JsonNode condition = ConditionsWriter.find(st.status, ConditionsWriter.PROGRESSING);
    if (condition == null || "NewReplicaSetAvailable".equals(condition.path("reason").asText())) {
      return false;
    }
    if ("ProgressDeadlineExceeded".equals(condition.path("reason").asText())) {
      return true;
    }
    Instant from = Json.time(Json.text(condition.path("lastUpdateTime")));
    return from != null && from.plusSeconds(seconds(st)).isBefore(Instant.now());
  }

  /** After a write: wake the rollout up when its deadline would pass. */
  void scheduleCheck(RolloutState st) {
    JsonNode condition = ConditionsWriter.find(st.status, ConditionsWriter.PROGRESSING);
    if (condition == null || SETTLED.contains(condition.path("reason").asText()) || st.aborted()) {
      return;
    }
    Instant from = Json.time(Json.text(condition.path("lastUpdateTime")));
    if (from != null) {
      queue.wakeAt(st.namespace() + "/" + st.name(), from.plusSeconds(seconds(st)).plusMillis(100));
    }
  }
}
