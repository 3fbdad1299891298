package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Scaling ReplicaSets, and the pods behind them. The sandbox has no ReplicaSet controller or pods,
 * so this fakes their status: replicas follow spec at once, readiness after the pod-ready delay
 * (scale-downs are immediate), and a rollout's pods can be turned unready on purpose.
 */
final class PodSimulator {
  private final KubeApi api;
  private final ReplicaSetWriter writer;
  private final WorkQueue queue;
  private final EventRecorder events;
  private final Supplier<Duration> podReadyDelay;
  private final Set<String> unready = ConcurrentHashMap.newKeySet();

  PodSimulator(KubeApi api, ReplicaSetWriter writer, WorkQueue queue, EventRecorder events,
      Supplier<Duration> podReadyDelay) {
    this.api = api;
    this.writer = writer;
    this.queue = queue;
    this.events = events;
    this.podReadyDelay = podReadyDelay;
  }

  /**
   * Argo's scaleReplicaSet: sets the size and the desired-replicas annotation and, on a scale-down
   * to zero, drops the scale-down deadline unless {@code keepDeadline} (an abort's delay). True
   * when the size changed.
   */
  boolean scale(RolloutState st, ObjectNode rs, int replicas, boolean keepDeadline) {
    int before = ReplicaSets.specReplicas(rs);
    String desired = String.valueOf(st.replicas());
    boolean dropDeadline = replicas == 0 && !keepDeadline && ReplicaSets.hasScaleDownDeadline(rs);
    if (before == replicas && desired.equals(ReplicaSets.annotation(rs, ReplicaSets.DESIRED_REPLICAS))
        && !(st.replicas() == 0 && ReplicaSets.hasScaleDownDeadline(rs))) {
      return false;
    }
    ObjectNode patch = Json.MAPPER.createObjectNode();
    ObjectNode annotations = patch.putObject("metadata").putObject("annotations").put(ReplicaSets.DESIRED_REPLICAS, desired);
    if (dropDeadline) {
      annotations.putNull(ReplicaSets.SCALE_DOWN_DEADLINE);
    }
    if (before != replicas) {
      patch.putObject("spec").put("replicas", replicas);
      patch.set("status", podStatus(st, rs, replicas));
    }
    ObjectNode updated = writer.patch(st, rs, patch);
    if (before == replicas) {
      return false;
    }
    events.normal(st.rollout, "ScalingReplicaSet", "Scaled " + (replicas > before ? "up" : "down") + " ReplicaSet "
        + ReplicaSets.nameOf(rs) + " (revision " + ReplicaSets.revisionOf(rs) + ") from " + before + " to " + replicas);
    if (ReplicaSets.statusInt(updated, "availableReplicas") < replicas) {
      String owner = st.namespace() + "/" + st.name();
      queue.schedule(podReadyDelay.get(), true, () -> becomeReady(st.namespace(), ReplicaSets.nameOf(rs), owner));
    }
    return true;
  }

  /** Pods come and go at once; new ones are ready at once only without a pod-ready delay. */
  private ObjectNode podStatus(RolloutState st, ObjectNode rs, int replicas) {
    boolean instant = podReadyDelay.get().isZero() && !unready.contains(key(st.namespace(), ReplicaSets.nameOf(rs)));
    int ready = instant ? replicas : Math.min(ReplicaSets.statusInt(rs, "readyReplicas"), replicas);
    int available = instant ? replicas : Math.min(ReplicaSets.statusInt(rs, "availableReplicas"), replicas);
    ObjectNode status = Json.MAPPER.createObjectNode();
    status.put("replicas", replicas).put("fullyLabeledReplicas", replicas).put("readyReplicas", ready)
        .put("availableReplicas", available);
    return status;
  }

  private void becomeReady(String namespace, String name, String owner) {
    ObjectNode rs = api.get(KubeApi.REPLICA_SETS, namespace, name);
    if (rs == null || unready.contains(key(namespace, name))) {
      return;
    }
    int replicas = ReplicaSets.specReplicas(rs);
    if (ReplicaSets.statusInt(rs, "availableReplicas") != replicas || ReplicaSets.statusInt(rs, "readyReplicas") != replicas) {
      ObjectNode patch = Json.MAPPER.createObjectNode();
      patch.putObject("status").put("readyReplicas", replicas).put("availableReplicas", replicas);
      api.mergePatch(KubeApi.REPLICA_SETS, namespace, name, patch);
    }
    queue.addRollout(owner);
  }

  /** Pods of these ReplicaSets turn unready until {@link #markReady}. */
  void markUnready(String namespace, List<ObjectNode> replicaSets) {
    for (ObjectNode rs : replicaSets) {
      unready.add(key(namespace, ReplicaSets.nameOf(rs)));
      ObjectNode patch = Json.MAPPER.createObjectNode();
      patch.putObject("status").put("readyReplicas", 0).put("availableReplicas", 0);
      api.mergePatch(KubeApi.REPLICA_SETS, namespace, ReplicaSets.nameOf(rs), patch);
    }
  }

  void markReady(String namespace, List<ObjectNode> replicaSets, String owner) {
    for (ObjectNode rs : replicaSets) {
      unready.remove(key(namespace, ReplicaSets.nameOf(rs)));
      queue.schedule(podReadyDelay.get(), true, () -> becomeReady(namespace, ReplicaSets.nameOf(rs), owner));
    }
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
