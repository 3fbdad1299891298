package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The ReplicaSets a Rollout owns, and the pods behind them. The mock server has no ReplicaSet
 * controller, so this class also fakes RS status: replicas follow spec at once, readiness after the
 * pod-ready delay (scale-downs are immediate).
 */
final class ReplicaSetManager {
  static final String REVISION = "rollout.argoproj.io/revision";
  static final String REVISION_HISTORY = "rollout.argoproj.io/revision-history";
  static final String DESIRED_REPLICAS = "rollout.argoproj.io/desired-replicas";

  private final KubeApi api;
  private final WorkQueue queue;
  private final EventRecorder events;
  private final Supplier<Duration> podReadyDelay;
  private final Set<String> unready = ConcurrentHashMap.newKeySet();

  ReplicaSetManager(KubeApi api, WorkQueue queue, EventRecorder events, Supplier<Duration> podReadyDelay) {
    this.api = api;
    this.queue = queue;
    this.events = events;
    this.podReadyDelay = podReadyDelay;
  }

  static String hashOf(JsonNode rs) {
    return Json.text(rs.path("metadata").path("labels").path(TemplateHasher.HASH_LABEL));
  }

  static long revisionOf(JsonNode rs) {
    try {
      return Long.parseLong(Json.text(rs.path("metadata").path("annotations").path(REVISION)));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String nameOf(JsonNode rs) {
    return Json.text(rs.path("metadata").path("name"));
  }

  static int specReplicas(JsonNode rs) {
    return rs.path("spec").path("replicas").asInt(0);
  }

  static int statusInt(JsonNode rs, String field) {
    return rs.path("status").path(field).asInt(0);
  }

  /**
   * Creates the RS for the current template, or re-annotates an old one being reused (undo), and
   * keeps the Rollout's own revision annotation in step. Returns true when a new RS was created.
   */
  boolean ensureNewReplicaSet(RolloutState st) {
    long max = st.replicaSets.stream().mapToLong(ReplicaSetManager::revisionOf).max().orElse(0);
    boolean created = false;
    if (st.newRs == null) {
      st.newRs = api.create(KubeApi.REPLICA_SETS, st.namespace(), newReplicaSet(st, max + 1));
      st.replicaSets.add(st.newRs);
      created = true;
    } else if (revisionOf(st.newRs) < max) {
      st.replaceRs(api.mergePatch(KubeApi.REPLICA_SETS, st.namespace(), nameOf(st.newRs), reviveAnnotations(st.newRs, max + 1)));
    }
    String revision = String.valueOf(revisionOf(st.newRs));
    if (!revision.equals(st.revision())) {
      ObjectNode patch = Json.MAPPER.createObjectNode();
      patch.putObject("metadata").putObject("annotations").put(REVISION, revision);
      st.rollout = api.mergePatch(KubeApi.ROLLOUTS, st.namespace(), st.name(), patch);
      events.normal(st.rollout, "RolloutUpdated", "Rollout updated to revision " + revision);
    }
    if (created) {
      events.normal(st.rollout, "NewReplicaSetCreated",
          "Created ReplicaSet " + nameOf(st.newRs) + " (revision " + revisionOf(st.newRs) + ")");
    }
    return created;
  }

  private static ObjectNode reviveAnnotations(ObjectNode rs, long revision) {
    String old = String.valueOf(revisionOf(rs));
    String history = Json.text(rs.path("metadata").path("annotations").path(REVISION_HISTORY));
    ObjectNode patch = Json.MAPPER.createObjectNode();
    ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
    annotations.put(REVISION, String.valueOf(revision));
    annotations.put(REVISION_HISTORY, history.isEmpty() ? old : history + "," + old);
    return patch;
  }

  private static ObjectNode newReplicaSet(RolloutState st, long revision) {
    ObjectNode template = st.spec().path("template").deepCopy();
    Json.object(Json.object(template, "metadata"), "labels").put(TemplateHasher.HASH_LABEL, st.newHash);
    ObjectNode rs = Json.MAPPER.createObjectNode();
    rs.put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
    ObjectNode meta = rs.putObject("metadata");
    meta.put("name", st.name() + "-" + st.newHash).put("namespace", st.namespace());
    meta.set("labels", template.path("metadata").path("labels").deepCopy());
    meta.putObject("annotations").put(REVISION, String.valueOf(revision))
        .put(DESIRED_REPLICAS, String.valueOf(st.replicas()));
    meta.putArray("ownerReferences").addObject().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Rollout")
        .put("name", st.name()).put("uid", st.uid()).put("controller", true).put("blockOwnerDeletion", true);
    ObjectNode spec = rs.putObject("spec");
    spec.put("replicas", 0);
    ObjectNode selector = spec.putObject("selector").putObject("matchLabels");
    st.selectorLabels().forEach(selector::put);
    selector.put(TemplateHasher.HASH_LABEL, st.newHash);
    spec.set("template", template);
    rs.putObject("status").put("replicas", 0);
    return rs;
  }

  /** Scales an RS; returns true when its spec changed. */
  boolean scale(RolloutState st, ObjectNode rs, int replicas) {
    if (specReplicas(rs) == replicas) {
      return false;
    }
    boolean instant = podReadyDelay.get().isZero() && !unready.contains(key(st.namespace(), nameOf(rs)));
    int ready = instant ? replicas : Math.min(statusInt(rs, "readyReplicas"), replicas);
    int available = instant ? replicas : Math.min(statusInt(rs, "availableReplicas"), replicas);
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("metadata").putObject("annotations").put(DESIRED_REPLICAS, String.valueOf(st.replicas()));
    patch.putObject("spec").put("replicas", replicas);
    patch.putObject("status").put("replicas", replicas).put("fullyLabeledReplicas", replicas)
        .put("readyReplicas", ready).put("availableReplicas", available);
    st.replaceRs(api.mergePatch(KubeApi.REPLICA_SETS, st.namespace(), nameOf(rs), patch));
    events.normal(st.rollout, "ScalingReplicaSet", "Scaled " + (replicas > specReplicas(rs) ? "up" : "down")
        + " ReplicaSet " + nameOf(rs) + " (revision " + revisionOf(rs) + ") from " + specReplicas(rs) + " to " + replicas);
    if (available < replicas) {
      String owner = st.namespace() + "/" + st.name();
      queue.schedule(podReadyDelay.get(), true, () -> becomeReady(st.namespace(), nameOf(rs), owner));
    }
    return true;
  }

  private void becomeReady(String namespace, String name, String owner) {
    ObjectNode rs = api.get(KubeApi.REPLICA_SETS, namespace, name);
    if (rs == null || unready.contains(key(namespace, name))) {
      return;
    }
    int replicas = specReplicas(rs);
    if (statusInt(rs, "availableReplicas") != replicas || statusInt(rs, "readyReplicas") != replicas) {
      ObjectNode patch = Json.MAPPER.createObjectNode();
      patch.putObject("status").put("readyReplicas", replicas).put("availableReplicas", replicas);
      api.mergePatch(KubeApi.REPLICA_SETS, namespace, name, patch);
    }
    queue.addRollout(owner);
  }

  /** Pods of every RS of the rollout turn unready until {@link #markReady}. */
  void markUnready(String namespace, List<ObjectNode> replicaSets) {
    for (ObjectNode rs : replicaSets) {
      unready.add(key(namespace, nameOf(rs)));
      ObjectNode patch = Json.MAPPER.createObjectNode();
      patch.putObject("status").put("readyReplicas", 0).put("availableReplicas", 0);
      api.mergePatch(KubeApi.REPLICA_SETS, namespace, nameOf(rs), patch);
    }
  }

  void markReady(String namespace, List<ObjectNode> replicaSets, String owner) {
    for (ObjectNode rs : replicaSets) {
      unready.remove(key(namespace, nameOf(rs)));
      queue.schedule(podReadyDelay.get(), true, () -> becomeReady(namespace, nameOf(rs), owner));
    }
  }

  /**
   * revisionHistoryLimit: deletes the oldest scaled-down RSs beyond the limit, and returns their
   * hashes so their AnalysisRuns can go too.
   */
  List<String> pruneHistory(RolloutState st) {
    int limit = st.spec().path("revisionHistoryLimit").asInt(10);
    List<ObjectNode> cleanable = st.replicaSets.stream()
        .filter(rs -> rs != st.newRs && !hashOf(rs).equals(st.stableHash()))
        .filter(rs -> specReplicas(rs) == 0 && statusInt(rs, "replicas") == 0)
        .sorted(Comparator.comparingLong(ReplicaSetManager::revisionOf))
        .collect(Collectors.toList());
    List<ObjectNode> doomed = cleanable.subList(0, Math.max(0, cleanable.size() - limit));
    List<String> hashes = doomed.stream().map(ReplicaSetManager::hashOf).collect(Collectors.toList());
    for (ObjectNode rs : List.copyOf(doomed)) {
      api.delete(KubeApi.REPLICA_SETS, st.namespace(), nameOf(rs));
      st.replicaSets.remove(rs);
    }
    return hashes;
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
