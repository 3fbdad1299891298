package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The ReplicaSets a Rollout controls, and which of them is the new (desired) one: Argo's
 * FindNewReplicaSet. First by the pod-template hash; then, oldest first, the first whose template
 * equals the Rollout's ignoring the hash label and any injected ephemeral metadata. The second
 * search is what finds a ReplicaSet whose hash another hashing (an older Argo, a real cluster's
 * controller: this simulator's hash differs from Argo's) computed, so rolling back to it reuses it.
 */
final class ReplicaSetFinder {
  private final KubeApi api;

  ReplicaSetFinder(KubeApi api) {
    this.api = api;
  }

  /** Fills in the ReplicaSets, the new one and the hash the reconcile works with. */
  void load(RolloutState st) {
    st.replicaSets = api.listOwned(KubeApi.REPLICA_SETS, st.namespace(), st.uid());
    st.replicaSets.sort(ReplicaSets.BY_REVISION);
    st.newRs = findNew(st.replicaSets, st.computedHash, st.spec().path("template"));
    if (st.newRs != null) {
      st.newHash = ReplicaSets.hashOf(st.newRs);
    }
  }

  static ObjectNode findNew(List<ObjectNode> replicaSets, String hash, JsonNode template) {
    List<ObjectNode> oldestFirst = replicaSets.stream().sorted(ReplicaSets.BY_CREATION).toList();
    for (ObjectNode rs : oldestFirst) {
      if (hash.equals(ReplicaSets.hashOf(rs))) {
        return rs;
      }
    }
    for (ObjectNode rs : oldestFirst) {
      JsonNode live = EphemeralMetadata.withoutInjected(rs).path("spec").path("template");
      if (PodTemplates.equalIgnoringHash(live, template)) {
        return rs;
      }
    }
    return null;
  }
}
