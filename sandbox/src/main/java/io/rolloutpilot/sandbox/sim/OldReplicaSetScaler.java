package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo's scaleDownOldReplicaSetsForCanary, for the ReplicaSets that are neither new nor stable:
 * first their unavailable pods go; then, newest revision first, as many pods as maxUnavailable
 * allows. A basic canary's old pods take traffic, so they go without delay. With traffic routing,
 * a ReplicaSet the recorded status still points at is left alone; after a promotion (or once it
 * has a deadline) it waits out scaleDownDelaySeconds under a {@code scale-down-deadline}; an
 * abandoned intermediate canary goes at once.
 */
final class OldReplicaSetScaler {
  private final PodSimulator pods;
  private final ScaleDownDeadlines deadlines;

  OldReplicaSetScaler(PodSimulator pods, ScaleDownDeadlines deadlines) {
    this.pods = pods;
    this.deadlines = deadlines;
  }

  /** True when anything was scaled. */
  boolean reconcile(RolloutState st) {
    List<ObjectNode> others = new ArrayList<>(st.otherReplicaSets().stream().filter(ReplicaSets::isActive).toList());
    if (others.isEmpty()) {
      return false;
    }
    boolean scaled = cleanupUnhealthy(st, others);
    int available = st.replicaSets.stream().mapToInt(rs -> ReplicaSets.statusInt(rs, "availableReplicas")).sum();
    int maxScaleDown = available - (st.replicas() - CanaryReplicaMath.maxUnavailable(st.canary(), st.replicas()));
    others.sort(ReplicaSets.BY_REVISION.reversed());
    int annotated = 0;
    for (ObjectNode rs : others) {
      rs = current(st, rs);
      if (st.trafficRouted() && referenced(st, rs)) {
        continue;
      }
      if (maxScaleDown <= 0) {
        break;
      }
      int replicas = ReplicaSets.specReplicas(rs);
      if (replicas == 0) {
        continue;
      }
      int desired = 0;
      if (!st.trafficRouted()) {
        desired = Math.max(0, replicas - maxScaleDown);
      } else if (fullyPromoted(st) || ReplicaSets.hasScaleDownDeadline(rs)) {
        boolean keep = annotated < ScaleDownDelays.revisionLimit(st) && keepDuringDelay(st, rs);
        annotated++;
        desired = keep ? replicas : 0;
      }
      if (desired != replicas) {
        scaled |= pods.scale(st, rs, desired, ScaleDownDelays.delayOnAbort(st));
        maxScaleDown -= replicas - desired;
      }
    }
    return scaled;
  }

  /** Argo's scaleDownDelayHelper: a deadline is set on first sight; the ReplicaSet stays until it passes. */
  private boolean keepDuringDelay(RolloutState st, ObjectNode rs) {
    if (!ReplicaSets.hasScaleDownDeadline(rs)) {
      deadlines.add(st, rs, ScaleDownDelays.scaleDownDelay(st));
      return true;
    }
    return deadlines.pending(st, rs);
  }

  /** Argo's cleanupUnhealthyReplicas: an old ReplicaSet drops the pods that are not available. */
  private boolean cleanupUnhealthy(RolloutState st, List<ObjectNode> others) {
    boolean scaled = false;
    for (ObjectNode rs : others.stream().sorted(ReplicaSets.BY_CREATION).toList()) {
      int available = ReplicaSets.statusInt(rs, "availableReplicas");
      if (ReplicaSets.specReplicas(rs) > available) {
        scaled |= pods.scale(st, rs, available, ScaleDownDelays.delayOnAbort(st));
      }
    }
    return scaled;
  }

  /**
   * Argo's isReplicaSetReferenced, without Services (the simulator does not manage them): the
   * stored stable or current hash, or the stored traffic weights, still name the ReplicaSet.
   */
  private static boolean referenced(RolloutState st, JsonNode rs) {
    String hash = ReplicaSets.hashOf(rs);
    JsonNode weights = st.oldStatus.path("canary").path("weights");
    return !hash.isEmpty() && (hash.equals(st.stableHash()) || hash.equals(Json.text(st.oldStatus.path("currentPodHash")))
        || hash.equals(Json.text(weights.path("canary").path("podTemplateHash")))
        || hash.equals(Json.text(weights.path("stable").path("podTemplateHash"))));
  }

  private static boolean fullyPromoted(RolloutState st) {
    return st.stableHash().equals(Json.text(st.oldStatus.path("currentPodHash")));
  }

  /** The ReplicaSet as last written in this reconcile. */
  private static ObjectNode current(RolloutState st, ObjectNode rs) {
    return st.replicaSets.stream().filter(other -> ReplicaSets.sameName(other, rs)).findFirst().orElse(rs);
  }
}
