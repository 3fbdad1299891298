package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulator's writes to ReplicaSets. The sandbox has no ReplicaSet controller, so each write
 * also keeps the status one would: {@code observedGeneration} follows every spec change (the API
 * server bumps the generation by one per write that changes the spec), which Argo's revision
 * history cleanup looks at.
 */
final class ReplicaSetWriter {
  private final KubeApi api;

  ReplicaSetWriter(KubeApi api) {
    this.api = api;
  }

  ObjectNode create(RolloutState st, ObjectNode rs) {
    Json.object(rs, "status").put("observedGeneration", 1);
    ObjectNode created = api.create(KubeApi.REPLICA_SETS, st.namespace(), rs);
    st.replicaSets.add(created);
    return created;
  }

  /** A merge patch; the updated ReplicaSet replaces the old one in the reconcile's state. */
  ObjectNode patch(RolloutState st, ObjectNode rs, ObjectNode patch) {
    if (patch.has("spec")) {
      long generation = rs.path("metadata").path("generation").asLong(1);
      Json.object(patch, "status").put("observedGeneration", generation + 1);
    }
    ObjectNode updated = api.mergePatch(KubeApi.REPLICA_SETS, st.namespace(), ReplicaSets.nameOf(rs), patch);
    st.replaceRs(updated);
    return updated;
  }

  void delete(RolloutState st, ObjectNode rs) {
    api.delete(KubeApi.REPLICA_SETS, st.namespace(), ReplicaSets.nameOf(rs));
    st.replicaSets.removeIf(other -> ReplicaSets.sameName(other, rs));
  }
}
