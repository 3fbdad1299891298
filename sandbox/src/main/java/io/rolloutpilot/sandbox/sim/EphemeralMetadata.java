package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canary/stable ephemeral metadata on a ReplicaSet's pod template, as Argo's
 * SyncReplicaSetEphemeralPodMetadata keeps it: the desired labels and annotations are set, the
 * ones injected before (remembered in the {@code rollout.argoproj.io/ephemeral-metadata}
 * annotation) and no longer desired are removed, and metadata the template had anyway is left
 * alone. The annotation is only rewritten when the template changed.
 */
final class EphemeralMetadata {
  private record Synced(Map<String, String> labels, Map<String, String> annotations, boolean modified) {}

  private EphemeralMetadata() {}

  /** The merge patch that brings the ReplicaSet to {@code desired} (null: none); null when nothing changes. */
  static ObjectNode syncPatch(JsonNode rs, JsonNode desired) {
    JsonNode meta = rs.path("spec").path("template").path("metadata");
    Synced synced = sync(meta, injected(rs), desired);
    if (!synced.modified()) {
      return null;
    }
    ObjectNode patch = Json.MAPPER.createObjectNode();
    ObjectNode templateMeta = patch.putObject("spec").putObject("template").putObject("metadata");
    templateMeta.set("labels", diff(Json.strings(meta.path("labels")), synced.labels()));
    templateMeta.set("annotations", diff(Json.strings(meta.path("annotations")), synced.annotations()));
    ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
    if (desired == null) {
      annotations.putNull(ReplicaSets.EPHEMERAL_METADATA);
    } else {
      annotations.put(ReplicaSets.EPHEMERAL_METADATA, marshal(desired));
    }
    return patch;
  }

  /** Injects {@code desired} into a ReplicaSet about to be created. */
  static void applyTo(ObjectNode rs, JsonNode desired) {
    ObjectNode meta = Json.object(Json.object(Json.object(rs, "spec"), "template"), "metadata");
    Synced synced = sync(meta, null, desired);
    if (synced.modified()) {
      meta.set("labels", Json.MAPPER.valueToTree(synced.labels()));
      meta.set("annotations", Json.MAPPER.valueToTree(synced.annotations()));
      Json.object(Json.object(rs, "metadata"), "annotations").put(ReplicaSets.EPHEMERAL_METADATA, marshal(desired));
    }
  }

  /** A copy of the ReplicaSet with its injected metadata taken out of the template (to compare templates). */
  static ObjectNode withoutInjected(JsonNode rs) {
    ObjectNode copy = rs.deepCopy();
    ObjectNode meta = Json.object(Json.object(Json.object(copy, "spec"), "template"), "metadata");
    Synced synced = sync(meta, injected(rs), null);
    if (synced.modified()) {
      meta.set("labels", Json.MAPPER.valueToTree(synced.labels()));
      meta.set("annotations", Json.MAPPER.valueToTree(synced.annotations()));
    }
    return copy;
  }

  private static Synced sync(JsonNode meta, JsonNode existing, JsonNode desired) {
    Map<String, String> labels = new LinkedHashMap<>(Json.strings(meta.path("labels")));
    Map<String, String> annotations = new LinkedHashMap<>(Json.strings(meta.path("annotations")));
    boolean modified = false;
    if (desired != null) {
      modified |= inject(annotations, desired.path("annotations"));
      modified |= inject(labels, desired.path("labels"));
    }
    if (existing != null) {
      modified |= remove(annotations, existing.path("annotations"), desired == null ? null : desired.path("annotations"));
      modified |= remove(labels, existing.path("labels"), desired == null ? null : desired.path("labels"));
    }
    return new Synced(labels, annotations, modified);
  }

  private static boolean inject(Map<String, String> target, JsonNode wanted) {
    boolean modified = false;
    for (Map.Entry<String, String> entry : Json.strings(wanted).entrySet()) {
      if (!entry.getValue().equals(target.get(entry.getKey()))) {
        target.put(entry.getKey(), entry.getValue());
        modified = true;
      }
    }
    return modified;
  }

  private static boolean remove(Map<String, String> target, JsonNode injectedBefore, JsonNode wanted) {
    boolean modified = false;
    for (String key : Json.strings(injectedBefore).keySet()) {
      if ((wanted == null || !wanted.has(key)) && target.containsKey(key)) {
        target.remove(key);
        modified = true;
      }
    }
    return modified;
  }

  /** A merge patch from one string map to another: changed keys set, dropped keys null. */
  private static ObjectNode diff(Map<String, String> before, Map<String, String> after) {
    ObjectNode patch = Json.MAPPER.createObjectNode();
    after.forEach((k, v) -> {
      if (!v.equals(before.get(k))) {
        patch.put(k, v);
      }
    });
    before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(patch::putNull);
    return patch;
  }

  /** What was injected before, from the annotation; null when there is none or it is unreadable. */
  private static JsonNode injected(JsonNode rs) {
    String text = ReplicaSets.annotation(rs, ReplicaSets.EPHEMERAL_METADATA);
    try {
      return text.isEmpty() ? null : Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** As Go marshals Argo's PodTemplateMetadata: labels then annotations, keys sorted, empty maps left out. */
  static String marshal(JsonNode metadata) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    Map<String, String> labels = new TreeMap<>(Json.strings(metadata.path("labels")));
    Map<String, String> annotations = new TreeMap<>(Json.strings(metadata.path("annotations")));
    if (!labels.isEmpty()) {
      out.set("labels", Json.MAPPER.valueToTree(labels));
    }
    if (!annotations.isEmpty()) {
      out.set("annotations", Json.MAPPER.valueToTree(annotations));
    }
    return out.toString();
  }
}
