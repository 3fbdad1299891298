package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Argo's reconcileCanaryReplicaSets: the stable ReplicaSet, then the new one, to the counts of the
 * current step, and every other ReplicaSet down to zero.
 */
final class CanaryScaler {
  private final PodSimulator pods;

  CanaryScaler(PodSimulator pods) {
    this.pods = pods;
  }

  /** Scales whatever differs; true when anything was scaled (the caller then skips the pause logic). */
  boolean reconcile(RolloutState st) {
    CanaryReplicaMath.Counts counts = CanaryReplicaCounts.desired(st);
    boolean scaled = false;
    ObjectNode stable = st.stableRs();
    if (stable != null && !ReplicaSets.sameName(stable, st.newRs)) {
      scaled = pods.scale(st, stable, counts.stable(), false);
    }
    if (st.newRs != null) {
      scaled |= pods.scale(st, st.newRs, counts.canary(), false);
    }
    for (ObjectNode other : st.otherReplicaSets()) {
      scaled |= pods.scale(st, other, 0, false);
    }
    return scaled;
  }
}
