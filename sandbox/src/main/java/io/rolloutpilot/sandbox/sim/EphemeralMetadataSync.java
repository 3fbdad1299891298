package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code canaryMetadata} / {@code stableMetadata}, Argo's reconcileEphemeralMetadata: while an
 * update runs the new ReplicaSet's pod template carries the canary metadata and the stable one's
 * the stable metadata; once fully promoted the new ReplicaSet switches to the stable metadata, and
 * every other ReplicaSet loses what was injected. (The sandbox has no pods to relabel.)
 */
final class EphemeralMetadataSync {
  private final ReplicaSetWriter writer;

  EphemeralMetadataSync(ReplicaSetWriter writer) {
    this.writer = writer;
  }

  void reconcile(RolloutState st) {
    String stable = st.stableHash();
    if (stable.isEmpty() || stable.equals(ReplicaSets.hashOf(st.newRs))) {
      sync(st, st.newRs, metadata(st, "stableMetadata"));
    } else {
      sync(st, st.newRs, metadata(st, "canaryMetadata"));
      sync(st, st.stableRs(), metadata(st, "stableMetadata"));
    }
    for (ObjectNode other : st.otherReplicaSets()) {
      sync(st, other, null);
    }
  }

  /** The metadata a ReplicaSet about to be created starts with. */
  static void applyOnCreate(RolloutState st, ObjectNode rs) {
    JsonNode metadata = metadata(st, st.stableRs() != null ? "canaryMetadata" : "stableMetadata");
    if (metadata != null) {
      EphemeralMetadata.applyTo(rs, metadata);
    }
  }

  private void sync(RolloutState st, ObjectNode rs, JsonNode metadata) {
    if (rs == null) {
      return;
    }
    ObjectNode patch = EphemeralMetadata.syncPatch(rs, metadata);
    if (patch != null) {
      writer.patch(st, rs, patch);
    }
  }

  private static JsonNode metadata(RolloutState st, String field) {
    JsonNode metadata = st.canary().path(field);
    return metadata.isObject() ? metadata : null;
  }
}
