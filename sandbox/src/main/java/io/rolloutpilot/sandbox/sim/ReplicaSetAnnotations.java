package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The annotations Argo's controller keeps on the new ReplicaSet (its SetNewReplicaSetAnnotations):
 * the revision (raised to one above every older ReplicaSet's, the number it had before going to
 * {@code revision-history}) and, on creation, the desired replica count.
 */
final class ReplicaSetAnnotations {
  private ReplicaSetAnnotations() {}

  /**
   * Updates {@code annotations} of the new ReplicaSet for {@code newRevision}; {@code exists} is
   * false when the ReplicaSet is about to be created. Returns true when anything changed.
   */
  static boolean setNew(JsonNode rollout, ObjectNode annotations, long newRevision, boolean exists, int replicas) {
    boolean changed = false;
    JsonNode old = annotations.get(ReplicaSets.REVISION);
    String oldRevision = old == null ? "" : old.asText();
    long oldNumber;
    try {
      oldNumber = oldRevision.isEmpty() ? 0 : Long.parseLong(oldRevision);
    } catch (NumberFormatException e) {
      return false;
    }
    if (oldNumber < newRevision) {
      annotations.put(ReplicaSets.REVISION, String.valueOf(newRevision));
      changed = true;
    }
    if (old != null && changed) {
      String history = Json.text(annotations.path(ReplicaSets.REVISION_HISTORY));
      annotations.put(ReplicaSets.REVISION_HISTORY, history.isEmpty() ? oldRevision : history + "," + oldRevision);
    }
    String desired = String.valueOf(replicas);
    if (!exists && !desired.equals(Json.text(annotations.path(ReplicaSets.DESIRED_REPLICAS)))) {
      annotations.put(ReplicaSets.DESIRED_REPLICAS, desired);
      changed = true;
    }
    return changed;
  }
}
