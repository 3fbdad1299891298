package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Argo's reconcileCanaryReplicaSets: scale-down deadlines dropped from the new and stable
 * ReplicaSets, then the stable one and the new one to the counts of the current step (after an
 * abort with traffic routing the canary waits out abortScaleDownDelaySeconds first), then the others.
 */
final class CanaryScaler {
  private final PodSimulator pods;
  private final ScaleDownDeadlines deadlines;
  private final OldReplicaSetScaler others;

  CanaryScaler(PodSimulator pods, ScaleDownDeadlines deadlines) {
    this.pods = pods;
    this.deadlines = deadlines;
    this.others = new OldReplicaSetScaler(pods, deadlines);
  }

  /** Scales whatever differs; true when anything was scaled (the caller then skips the pause logic). */
  boolean reconcile(RolloutState st) {
    removeDeadlines(st);
    CanaryReplicaMath.Counts counts = CanaryReplicaCounts.desired(st);
    boolean scaled = false;
    ObjectNode stable = st.stableRs();
    if (stable != null && !ReplicaSets.sameName(stable, st.newRs)) {
      scaled = pods.scale(st, stable, counts.stable(), ScaleDownDelays.delayOnAbort(st));
    }
    scaled |= reconcileNew(st, counts.canary());
    return others.reconcile(st) || scaled;
  }

  /** Argo's removeScaleDownDeadlines: the new (unless its abort delay runs) and the stable ReplicaSet. */
  private void removeDeadlines(RolloutState st) {
    if (st.newRs != null && !ScaleDownDelays.delayOnAbort(st)) {
      deadlines.remove(st, st.newRs);
    }
    ObjectNode stable = st.stableRs();
    if (stable != null && !ReplicaSets.sameName(stable, st.newRs)) {
      deadlines.remove(st, stable);
    }
  }

  /**
   * Argo's reconcileNewReplicaSet. After an abort with a delay, the canary keeps its pods: the
   * deadline is set once the stable ReplicaSet is fully available, and only when it has passed is
   * the canary scaled down (keeping the annotation).
   */
  private boolean reconcileNew(RolloutState st, int replicas) {
    if (st.newRs == null) {
      return false;
    }
    if (ScaleDownDelays.delayOnAbort(st)) {
      if (!ReplicaSets.hasScaleDownDeadline(st.newRs)) {
        if (ReplicaSets.statusInt(st.stableRs(), "availableReplicas") == st.replicas()) {
          deadlines.add(st, st.newRs, ScaleDownDelays.abortDelay(st));
        }
        return false;
      }
      if (deadlines.pending(st, st.newRs)) {
        return false;
      }
      return pods.scale(st, st.newRs, 0, true);
    }
    return pods.scale(st, st.newRs, replicas, false);
  }
}
