package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** revisionHistoryLimit: deletes the oldest scaled-down old ReplicaSets beyond the limit. */
final class RevisionHistory {
  static final int DEFAULT_LIMIT = 10;

  private final ReplicaSetWriter writer;

  RevisionHistory(ReplicaSetWriter writer) {
    this.writer = writer;
  }

  /** Returns the pod-template hashes of the deleted ReplicaSets, so their AnalysisRuns can go too. */
  List<String> prune(RolloutState st) {
    JsonNode limitNode = st.spec().path("revisionHistoryLimit");
    int limit = limitNode.isNumber() ? limitNode.asInt() : DEFAULT_LIMIT;
    List<ObjectNode> cleanable = st.otherReplicaSets().stream()
        .filter(rs -> ReplicaSets.specReplicas(rs) == 0 && ReplicaSets.statusInt(rs, "replicas") == 0)
        .sorted(ReplicaSets.BY_REVISION).toList();
    List<String> deleted = new ArrayList<>();
    for (ObjectNode rs : cleanable.subList(0, Math.max(0, cleanable.size() - limit))) {
      writer.delete(st, rs);
      deleted.add(ReplicaSets.hashOf(rs));
    }
    return deleted;
  }
}
