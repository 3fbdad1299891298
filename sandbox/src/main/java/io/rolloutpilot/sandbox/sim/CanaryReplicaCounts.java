package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The replica counts the current step wants of the new and stable ReplicaSets (Argo's
 * CalculateReplicaCountsForBasicCanary / ForTrafficRoutedCanary, targets only: Argo walks there
 * within maxSurge/maxUnavailable, the simulator sets them in one go) and whether they have been
 * reached (AtDesiredReplicaCountsForCanary). Decisions read the stored status, as Argo's do.
 */
final class CanaryReplicaCounts {
  private CanaryReplicaCounts() {}

  /** Argo's GetCurrentSetWeight: 0 when aborted, 100 past the last step, else the last setWeight so far. */
  static int currentSetWeight(RolloutState st) {
    if (st.oldStatus.path("abort").asBoolean(false)) {
      return 0;
    }
    Integer index = st.storedIndex();
    if (index == null || index >= st.steps().size()) {
      return 100;
    }
    return lastSetWeight(st, index);
  }

  /** The last setWeight at or before {@code index}; 0 when there is none. */
  static int lastSetWeight(RolloutState st, int index) {
    for (int i = index; i >= 0; i--) {
      JsonNode step = st.steps().get(i);
      if (step.has("setWeight")) {
        return step.path("setWeight").asInt();
      }
    }
    return 0;
  }

  /** Argo's GetCanaryReplicasOrWeight (without setCanaryScale): all of it unless mid-update. */
  static int desiredWeight(RolloutState st) {
    String stable = st.stableHash();
    if (st.promoteFull() || stable.isEmpty() || stable.equals(Json.text(st.oldStatus.path("currentPodHash")))) {
      return 100;
    }
    return currentSetWeight(st);
  }

  /** Desired {canary, stable}; with no stable ReplicaSet apart from the new one, the new one takes all. */
  static CanaryReplicaMath.Counts desired(RolloutState st) {
    ObjectNode stable = st.stableRs();
    if (stable == null || ReplicaSets.sameName(stable, st.newRs)) {
      return new CanaryReplicaMath.Counts(st.replicas(), 0);
    }
    int weight = desiredWeight(st);
    if (!st.trafficRouted()) {
      return CanaryReplicaMath.basic(st.replicas(), weight, CanaryReplicaMath.maxSurge(st.canary(), st.replicas()));
    }
    CanaryReplicaMath.Counts counts = CanaryReplicaMath.trafficRouted(st.replicas(), weight);
    int minPods = st.canary().path("minPodsPerReplicaSet").asInt(0);
    return counts.canary() == 0 ? counts : new CanaryReplicaMath.Counts(Math.max(counts.canary(), minPods), counts.stable());
  }

  /**
   * AtDesiredReplicaCountsForCanary: the new ReplicaSet at its count and all available, the stable
   * one at its count, and (basic canary, where they would serve traffic) no other pod available.
   */
  static boolean atDesired(RolloutState st) {
    CanaryReplicaMath.Counts counts = desired(st);
    ObjectNode newRs = st.newRs;
    if (newRs == null || ReplicaSets.specReplicas(newRs) != counts.canary()
        || ReplicaSets.statusInt(newRs, "availableReplicas") != counts.canary()) {
      return false;
    }
    ObjectNode stable = st.stableRs();
    if (stable == null || ReplicaSets.specReplicas(stable) != counts.stable()
        || ReplicaSets.statusInt(stable, "replicas") != counts.stable()) {
      return false;
    }
    return st.trafficRouted()
        || st.otherReplicaSets().stream().mapToInt(rs -> ReplicaSets.statusInt(rs, "availableReplicas")).sum() == 0;
  }
}
