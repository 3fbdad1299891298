package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spec.revisionHistoryLimit} (default 10), Argo's reconcileRevisionHistoryLimit: of the
 * ReplicaSets that are neither new nor stable, as many as exceed the limit are candidates, oldest
 * created first (a ReplicaSet taken back by a rollback keeps its creation time, so it goes early);
 * a candidate is deleted only when it has no replicas (spec and status), its controller has seen its
 * last change, and it is not being deleted. A skipped candidate is not replaced by a younger one.
 */
final class RevisionHistory {
  static final int DEFAULT_LIMIT = 10;

  private final ReplicaSetWriter writer;

  RevisionHistory(ReplicaSetWriter writer) {
    this.writer = writer;
  }

  /** Deletes what the limit allows; returns the pod-template hashes of the deleted ReplicaSets. */
  List<String> prune(RolloutState st) {
    JsonNode limitNode = st.spec().path("revisionHistoryLimit");
    int limit = limitNode.isNumber() ? limitNode.asInt() : DEFAULT_LIMIT;
    List<ObjectNode> cleanable = st.otherReplicaSets().stream().filter(rs -> !beingDeleted(rs))
        .sorted(ReplicaSets.BY_CREATION).toList();
    List<String> deleted = new ArrayList<>();
    for (int i = 0; i < cleanable.size() - limit; i++) {
      ObjectNode rs = cleanable.get(i);
      if (ReplicaSets.statusInt(rs, "replicas") != 0 || ReplicaSets.specReplicas(rs) != 0 || unobserved(rs)) {
        continue;
      }
      writer.delete(st, rs);
      deleted.add(ReplicaSets.hashOf(rs));
    }
    return deleted;
  }

  private static boolean beingDeleted(JsonNode rs) {
    return !Json.text(rs.path("metadata").path("deletionTimestamp")).isEmpty();
  }

  private static boolean unobserved(JsonNode rs) {
    return rs.path("metadata").path("generation").asLong(0) > rs.path("status").path("observedGeneration").asLong(0);
  }
}
