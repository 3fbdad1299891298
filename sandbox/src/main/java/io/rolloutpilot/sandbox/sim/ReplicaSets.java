package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/** Reading a ReplicaSet (as JSON) the way Argo's controller does: names, hashes, revisions, times. */
final class ReplicaSets {
  static final String REVISION = "rollout.argoproj.io/revision";
  static final String REVISION_HISTORY = "rollout.argoproj.io/revision-history";
  static final String DESIRED_REPLICAS = "rollout.argoproj.io/desired-replicas";
  static final String EPHEMERAL_METADATA = "rollout.argoproj.io/ephemeral-metadata";
  static final String SCALE_DOWN_DEADLINE = "scale-down-deadline";

  /** Oldest first; equal creation times (they have seconds only) ordered by name, as Argo sorts them. */
  static final Comparator<JsonNode> BY_CREATION = Comparator.comparing(ReplicaSets::created)
      .thenComparing(ReplicaSets::nameOf);

  /** Lowest revision first; equal revisions by creation time. */
  static final Comparator<JsonNode> BY_REVISION = Comparator.comparingLong(ReplicaSets::revisionOf)
      .thenComparing(ReplicaSets::created);

  private ReplicaSets() {}

  static String nameOf(JsonNode rs) {
    return Json.text(rs.path("metadata").path("name"));
  }

  static String hashOf(JsonNode rs) {
    return rs == null ? "" : Json.text(rs.path("metadata").path("labels").path(TemplateHasher.HASH_LABEL));
  }

  static String annotation(JsonNode rs, String key) {
    return Json.text(rs.path("metadata").path("annotations").path(key));
  }

  /** The revision annotation; 0 when missing or not a number. */
  static long revisionOf(JsonNode rs) {
    try {
      return Long.parseLong(annotation(rs, REVISION));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static int specReplicas(JsonNode rs) {
    return rs.path("spec").path("replicas").asInt(0);
  }

  static int statusInt(JsonNode rs, String field) {
    return rs.path("status").path(field).asInt(0);
  }

  static Instant created(JsonNode rs) {
    Instant created = parse(Json.text(rs.path("metadata").path("creationTimestamp")));
    return created == null ? Instant.EPOCH : created;
  }

  static boolean sameName(JsonNode a, JsonNode b) {
    return a != null && b != null && nameOf(a).equals(nameOf(b));
  }

  /** Has (or ought to have) pods. */
  static boolean isActive(JsonNode rs) {
    return rs != null && specReplicas(rs) > 0;
  }

  static boolean hasScaleDownDeadline(JsonNode rs) {
    return rs != null && !annotation(rs, SCALE_DOWN_DEADLINE).isEmpty();
  }

  /** The scale-down-deadline annotation as a time; null when absent or unreadable. */
  static Instant scaleDownDeadline(JsonNode rs) {
    return rs == null ? null : parse(annotation(rs, SCALE_DOWN_DEADLINE));
  }

  private static Instant parse(String text) {
    try {
      return text.isEmpty() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
