package io.rolloutpilot.core.rollout;

import java.util.Map;

/** One ReplicaSet a Rollout controls, as far as status and undo need it. */
public record ReplicaSetInfo(String name, String podTemplateHash, long revision, Map<String, String> images,
    int replicas, int availableReplicas) {
  public ReplicaSetInfo {
    images = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(images));
  }
}
