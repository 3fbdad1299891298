package io.rolloutpilot.core.rollout;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ReplicaSets a Rollout controls: selected by its selector and owned with {@code controller: true}. */
final class ReplicaSets {
  private ReplicaSets() {}

  static List<ReplicaSet> owned(RolloutClient client, Rollout rollout) {
    RolloutRef ref = rollout.ref();
    List<ReplicaSet> all = client.call("list replicasets of rollout " + ref, () -> client.kubernetes().apps()
        .replicaSets().inNamespace(ref.namespace()).withLabels(rollout.spec().selectorLabels()).list().getItems());
    return all.stream().filter(rs -> isControlledBy(rs, rollout.metadata().uid())).toList();
  }

  static List<ReplicaSetInfo> infos(RolloutClient client, Rollout rollout) {
    return owned(client, rollout).stream().map(ReplicaSets::info).toList();
  }

  static long revision(ReplicaSet rs) {
    Map<String, String> annotations = rs.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(ArgoResources.REVISION);
    return value == null ? 0 : Rollout.parseLong(value).orElse(0L);
  }

  private static boolean isControlledBy(ReplicaSet rs, String uid) {
    List<OwnerReference> owners = rs.getMetadata().getOwnerReferences();
    return owners != null && owners.stream()
        .anyMatch(o -> Boolean.TRUE.equals(o.getController()) && uid.equals(o.getUid()));
  }

  private static ReplicaSetInfo info(ReplicaSet rs) {
    Map<String, String> images = new LinkedHashMap<>();
    rs.getSpec().getTemplate().getSpec().getContainers().forEach(c -> images.put(c.getName(), c.getImage()));
    Map<String, String> labels = rs.getMetadata().getLabels();
    String hash = labels == null ? "" : labels.getOrDefault(ArgoResources.POD_TEMPLATE_HASH, "");
    int replicas = rs.getStatus() == null || rs.getStatus().getReplicas() == null ? 0 : rs.getStatus().getReplicas();
    int available = rs.getStatus() == null || rs.getStatus().getAvailableReplicas() == null ? 0
        : rs.getStatus().getAvailableReplicas();
    return new ReplicaSetInfo(rs.getMetadata().getName(), hash, revision(rs), images, replicas, available);
  }
}
