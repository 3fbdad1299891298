package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * {@code spec.rollbackWindow.revisions}, Argo's isRollbackWithinWindow: going back to a ReplicaSet
 * created before the stable one is fast-tracked (no steps, no analysis) when fewer than
 * {@code revisions} ReplicaSets were created between the two. Creation times have whole seconds, and
 * one created in the same second as the stable one is not "before" it.
 */
final class RollbackWindow {
  static final String EXPERIMENT_NAME = "experiments.argoproj.io/experiment-name";

  private RollbackWindow() {}

  static boolean within(RolloutState st) {
    ObjectNode stable = st.stableRs();
    int revisions = st.spec().path("rollbackWindow").path("revisions").asInt(0);
    if (st.newRs == null || stable == null || revisions <= 0) {
      return false;
    }
    Instant target = ReplicaSets.created(st.newRs);
    Instant stableCreated = ReplicaSets.created(stable);
    if (!target.isBefore(stableCreated)) {
      return false;
    }
    long between = st.replicaSets.stream()
        .filter(rs -> ReplicaSets.annotation(rs, EXPERIMENT_NAME).isEmpty())
        .map(ReplicaSets::created)
        .filter(created -> created.isBefore(stableCreated) && target.isBefore(created))
        .count();
    return between < revisions;
  }
}
