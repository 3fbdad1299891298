package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Iterator;
import java.util.Map;

/**
 * The new ReplicaSet: Argo's createDesiredReplicaSet when no ReplicaSet matches the template, else
 * its syncReplicaSetRevision (an old ReplicaSet taken back gets the next revision), and the
 * Rollout's own revision annotation kept in step. (Argo writes the Rollout's revision one
 * reconcile after re-annotating a reused ReplicaSet; here both happen in the same one.)
 */
final class DesiredReplicaSet {
  private final KubeApi api;
  private final ReplicaSetWriter writer;
  private final EventRecorder events;

  DesiredReplicaSet(KubeApi api, ReplicaSetWriter writer, EventRecorder events) {
    this.api = api;
    this.writer = writer;
    this.events = events;
  }

  /** Returns true when a new ReplicaSet was created. */
  boolean ensure(RolloutState st) {
    long newRevision = st.replicaSets.stream().filter(rs -> !ReplicaSets.sameName(rs, st.newRs))
        .mapToLong(ReplicaSets::revisionOf).max().orElse(0) + 1;
    boolean created = false;
    if (st.newRs == null) {
      created = create(st, newRevision);
    } else {
      syncRevision(st, newRevision);
    }
    setRolloutRevision(st, ReplicaSets.annotation(st.newRs, ReplicaSets.REVISION));
    if (created) {
      events.normal(st.rollout, "NewReplicaSetCreated", "Created ReplicaSet " + ReplicaSets.nameOf(st.newRs)
          + " (revision " + ReplicaSets.revisionOf(st.newRs) + ")");
    }
    return created;
  }

  private boolean create(RolloutState st, long revision) {
    ObjectNode rs = newReplicaSet(st, revision);
    try {
      st.newRs = writer.create(st, rs);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      adoptOrCount(st, ReplicaSets.nameOf(rs), e);
      return false;
    }
  }

  /**
   * The name is taken: the Rollout's own ReplicaSet with this template is adopted, anything else is
   * a hash collision, counted in status.collisionCount so the next reconcile hashes differently.
   */
  private void adoptOrCount(RolloutState st, String name, KubernetesClientException conflict) {
    ObjectNode existing = api.get(KubeApi.REPLICA_SETS, st.namespace(), name);
    if (existing != null && st.uid().equals(controllerUid(existing))
        && PodTemplates.equalIgnoringHash(existing.path("spec").path("template"), st.spec().path("template"))) {
      st.newRs = existing;
      st.replicaSets.add(existing);
      return;
    }
    ObjectNode updated = st.rollout.deepCopy();
    ObjectNode status = Json.object(updated, "status");
    status.put("collisionCount", status.path("collisionCount").asInt(0) + 1);
    api.updateStatus(KubeApi.ROLLOUTS, updated);
    throw conflict;
  }

  private static String controllerUid(JsonNode object) {
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false)) {
        return ref.path("uid").asText();
      }
    }
    return "";
  }

  private static ObjectNode newReplicaSet(RolloutState st, long revision) {
    ObjectNode template = st.spec().path("template").deepCopy();
    Json.object(Json.object(template, "metadata"), "labels").put(TemplateHasher.HASH_LABEL, st.newHash);
    ObjectNode rs = Json.MAPPER.createObjectNode();
    rs.put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
    ObjectNode meta = rs.putObject("metadata");
    meta.put("name", st.name() + "-" + st.newHash).put("namespace", st.namespace());
    meta.set("labels", template.path("metadata").path("labels").deepCopy());
    ReplicaSetAnnotations.setNew(st.rollout, meta.putObject("annotations"), revision, false, st.replicas());
    meta.putArray("ownerReferences").addObject().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Rollout")
        .put("name", st.name()).put("uid", st.uid()).put("controller", true).put("blockOwnerDeletion", true);
    ObjectNode spec = rs.putObject("spec");
    spec.put("replicas", 0);
    if (minReadySeconds(st) != 0) {
      spec.put("minReadySeconds", minReadySeconds(st));
    }
    ObjectNode selector = spec.putObject("selector").putObject("matchLabels");
    st.selectorLabels().forEach(selector::put);
    selector.put(TemplateHasher.HASH_LABEL, st.newHash);
    spec.set("template", template);
    rs.putObject("status").put("replicas", 0);
    // Argo's createDesiredReplicaSet: a canary of a rollout with a stable ReplicaSet starts with the
    // canary metadata; the first one, which will become stable, with the stable metadata.
    EphemeralMetadataSync.applyOnCreate(st, rs);
    return rs;
  }

  private static int minReadySeconds(RolloutState st) {
    return st.spec().path("minReadySeconds").asInt(0);
  }

  /** New annotations (and Rollout's minReadySeconds) onto an existing new ReplicaSet. */
  private void syncRevision(RolloutState st, long newRevision) {
    ObjectNode annotations = st.newRs.path("metadata").path("annotations").isObject()
        ? (ObjectNode) st.newRs.path("metadata").path("annotations").deepCopy() : Json.MAPPER.createObjectNode();
    boolean changed = ReplicaSetAnnotations.setNew(st.rollout, annotations, newRevision, true, st.replicas());
    boolean minReady = st.newRs.path("spec").path("minReadySeconds").asInt(0) != minReadySeconds(st);
    if (!changed && !minReady) {
      return;
    }
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("metadata").set("annotations", changedEntries(st.newRs.path("metadata").path("annotations"), annotations));
    if (minReady) {
      patch.putObject("spec").put("minReadySeconds", minReadySeconds(st));
    }
    st.newRs = writer.patch(st, st.newRs, patch);
  }

  private static ObjectNode changedEntries(JsonNode before, ObjectNode after) {
    ObjectNode changed = Json.MAPPER.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = after.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().equals(before.get(entry.getKey()))) {
        changed.set(entry.getKey(), entry.getValue());
      }
    }
    return changed;
  }

  /** Argo's setRolloutRevision: a metadata write to the Rollout and a RolloutUpdated event. */
  private void setRolloutRevision(RolloutState st, String revision) {
    if (revision.equals(st.revision())) {
      return;
    }
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("metadata").putObject("annotations").put(ReplicaSets.REVISION, revision);
    st.rollout = api.mergePatch(KubeApi.ROLLOUTS, st.namespace(), st.name(), patch);
    events.normal(st.rollout, "RolloutUpdated", "Rollout updated to revision " + revision);
  }
}
