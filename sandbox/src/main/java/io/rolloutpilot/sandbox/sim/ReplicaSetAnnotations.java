package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * The annotations Argo's controller keeps on the new ReplicaSet (its SetNewReplicaSetAnnotations):
 * the Rollout's own annotations, copied except those below (a changed value is updated, a removed
 * one is left on the ReplicaSet); the revision (raised to one above every older ReplicaSet's, the
 * number it had before going to {@code revision-history}); on creation, the desired replica count.
 * As in Argo's controller, any change to the copied annotations also appends the current revision
 * to {@code revision-history}, even when the revision itself stays.
 */
final class ReplicaSetAnnotations {
  static final Set<String> NOT_COPIED = Set.of("kubectl.kubernetes.io/last-applied-configuration",
      ReplicaSets.REVISION, ReplicaSets.REVISION_HISTORY, ReplicaSets.DESIRED_REPLICAS,
      "notified.notifications.argoproj.io");

  private ReplicaSetAnnotations() {}

  /**
   * Updates {@code annotations} of the new ReplicaSet for {@code newRevision}; {@code exists} is
   * false when the ReplicaSet is about to be created. Returns true when anything changed.
   */
  static boolean setNew(JsonNode rollout, ObjectNode annotations, long newRevision, boolean exists, int replicas) {
    boolean changed = copyFromRollout(rollout, annotations);
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

  /** Argo's copyRolloutAnnotationsToReplicaSet; true when anything changed. */
  static boolean copyFromRollout(JsonNode rollout, ObjectNode annotations) {
    boolean changed = false;
    for (Map.Entry<String, String> entry : Json.strings(rollout.path("metadata").path("annotations")).entrySet()) {
      if (!NOT_COPIED.contains(entry.getKey()) && !entry.getValue().equals(Json.text(annotations.path(entry.getKey())))) {
        annotations.put(entry.getKey(), entry.getValue());
        changed = true;
      }
    }
    return changed;
  }
}
