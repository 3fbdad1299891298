package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The scale-down delays of a canary, as Argo's defaults read them. Both apply to traffic-routed
 * canaries only: a basic canary's old pods take traffic, so they go at once.
 * {@code scaleDownDelaySeconds} (default 30) keeps the previous stable ReplicaSet up after a
 * promotion (0 means no deadline is ever set, and, as in Argo's controller, the ReplicaSet is then
 * kept); {@code abortScaleDownDelaySeconds} (default 30) keeps the canary up after an abort.
 */
final class ScaleDownDelays {
  static final int DEFAULT_SECONDS = 30;

  private ScaleDownDelays() {}

  static Duration scaleDownDelay(RolloutState st) {
    if (!st.trafficRouted()) {
      return Duration.ZERO;
    }
    JsonNode seconds = st.canary().path("scaleDownDelaySeconds");
    return Duration.ofSeconds(seconds.isNumber() ? seconds.asLong() : DEFAULT_SECONDS);
  }

  /**
   * Argo's GetAbortScaleDownDelaySecondsOrDefault: null when explicitly 0 (the delay path is not
   * taken at all), zero for a basic canary.
   */
  static Duration abortDelay(RolloutState st) {
    if (!st.trafficRouted()) {
      return Duration.ZERO;
    }
    JsonNode seconds = st.canary().path("abortScaleDownDelaySeconds");
    if (seconds.isNumber() && seconds.asLong() == 0) {
      return null;
    }
    return Duration.ofSeconds(seconds.isNumber() ? seconds.asLong() : DEFAULT_SECONDS);
  }

  /**
   * Argo's shouldDelayScaleDownOnAbort: an aborted traffic-routed canary with a stable ReplicaSet
   * keeps its canary up for the abort delay (unless dynamicStableScale without an explicit delay).
   */
  static boolean delayOnAbort(RolloutState st) {
    if (!st.aborted() || st.stableRs() == null || !st.trafficRouted() || abortDelay(st) == null) {
      return false;
    }
    boolean explicit = st.canary().path("abortScaleDownDelaySeconds").isNumber();
    return explicit || !st.canary().path("dynamicStableScale").asBoolean(false);
  }

  /** scaleDownDelayRevisionLimit: how many old ReplicaSets may wait at once; unlimited by default. */
  static int revisionLimit(RolloutState st) {
    JsonNode limit = st.canary().path("scaleDownDelayRevisionLimit");
    return limit.isNumber() ? limit.asInt() : Integer.MAX_VALUE;
  }
}
