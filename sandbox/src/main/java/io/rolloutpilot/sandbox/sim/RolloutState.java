package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one reconcile knows: the Rollout as read (decisions use the stored status, as Argo's
 * do), the status being built, the ReplicaSets, and the pause/abort intents collected on the way
 * (Argo's pauseContext).
 */
final class RolloutState {
  ObjectNode rollout;
  final ObjectNode oldStatus;
  final ObjectNode status;
  /** The hash of spec.template as this simulator computes it; names a ReplicaSet it creates. */
  final String computedHash;
  /**
   * The hash of the new ReplicaSet: its label once one is found (it may have been found by template
   * equality under another hash), else {@link #computedHash}. Status, names and labels use this one.
   */
  String newHash;
  final String stepHash;
  List<ObjectNode> replicaSets = new ArrayList<>();
  ObjectNode newRs;
  ObjectNode currentStepRun;

  final List<String> addPauses = new ArrayList<>();
  final Set<String> removePauses = new LinkedHashSet<>();
  boolean clearPauses;
  boolean addAbort;
  boolean removeAbort;
  String abortMessage = "";

  RolloutState(ObjectNode rollout, String newHash, String stepHash) {
    this.rollout = rollout;
    JsonNode stored = rollout.path("status");
    this.oldStatus = stored.isObject() ? ((ObjectNode) stored).deepCopy() : Json.MAPPER.createObjectNode();
    this.status = oldStatus.deepCopy();
    this.computedHash = newHash;
    this.newHash = newHash;
    this.stepHash = stepHash;
  }

  String name() {
    return Json.text(rollout.path("metadata").path("name"));
  }

  String namespace() {
    return Json.text(rollout.path("metadata").path("namespace"));
  }

  String uid() {
    return Json.text(rollout.path("metadata").path("uid"));
  }

  long generation() {
    return rollout.path("metadata").path("generation").asLong(1);
  }

  JsonNode spec() {
    return rollout.path("spec");
  }

  int replicas() {
    JsonNode r = spec().path("replicas");
    return r.isNumber() ? r.asInt() : 1;
  }

  boolean specPaused() {
    return spec().path("paused").asBoolean(false);
  }

  JsonNode canary() {
    return spec().path("strategy").path("canary");
  }

  ArrayNode steps() {
    JsonNode steps = canary().path("steps");
    return steps instanceof ArrayNode array ? array : Json.MAPPER.createArrayNode();
  }

  boolean trafficRouted() {
    return canary().path("trafficRouting").isObject();
  }

  Map<String, String> selectorLabels() {
    return Json.strings(spec().path("selector").path("matchLabels"));
  }

  /** currentStepIndex of the stored status, null when absent. */
  Integer storedIndex() {
    JsonNode index = oldStatus.path("currentStepIndex");
    return index.isNumber() ? index.asInt() : null;
  }

  /** The step the stored index points at, or MissingNode when past the end or without steps. */
  JsonNode currentStep() {
    Integer index = storedIndex();
    return index == null || index >= steps().size() ? MissingNode.getInstance() : steps().get(index);
  }

  String stableHash() {
    return Json.text(oldStatus.path("stableRS"));
  }

  ObjectNode stableRs() {
    return findRs(stableHash());
  }

  ObjectNode findRs(String hash) {
    if (hash == null || hash.isEmpty()) {
      return null;
    }
    for (ObjectNode rs : replicaSets) {
      if (hash.equals(ReplicaSets.hashOf(rs))) {
        return rs;
      }
    }
    return null;
  }

  /** Argo's otherRSs: neither the new nor the stable ReplicaSet. */
  List<ObjectNode> otherReplicaSets() {
    ObjectNode stable = stableRs();
    return replicaSets.stream().filter(rs -> !ReplicaSets.sameName(rs, newRs) && !ReplicaSets.sameName(rs, stable))
        .toList();
  }

  boolean fullyPromoted() {
    return !stableHash().isEmpty() && stableHash().equals(newHash);
  }

  /** Argo's pauseContext.IsAborted(): stored abort or one added now, unless removed now. */
  boolean aborted() {
    return !removeAbort && (addAbort || oldStatus.path("abort").asBoolean(false));
  }

  boolean promoteFull() {
    return oldStatus.path("promoteFull").asBoolean(false);
  }

  boolean hasStoredPause(String reason) {
    for (JsonNode condition : oldStatus.path("pauseConditions")) {
      if (reason.equals(condition.path("reason").asText())) {
        return true;
      }
    }
    return false;
  }

  boolean controllerPause() {
    return oldStatus.path("controllerPause").asBoolean(false);
  }

  String revision() {
    return Json.text(rollout.path("metadata").path("annotations").path(ReplicaSets.REVISION));
  }

  void abort(String message) {
    addAbort = true;
    if (abortMessage.isEmpty()) {
      abortMessage = message;
    }
  }

  void replaceRs(ObjectNode updated) {
    String name = Json.text(updated.path("metadata").path("name"));
    replicaSets.replaceAll(rs -> name.equals(Json.text(rs.path("metadata").path("name"))) ? updated : rs);
    if (newRs != null && name.equals(Json.text(newRs.path("metadata").path("name")))) {
      newRs = updated;
    }
  }
}
