package io.rolloutpilot.core.rollout;

import java.util.List;

/** Canary weights as {@code kubectl argo rollouts get} shows them (reference §2.3). */
public final class RolloutWeights {
  private RolloutWeights() {}

  /** Argo's {@code GetCurrentSetWeight}: 0 when aborted, 100 past the last step, else the last setWeight so far. */
  public static int setWeight(Rollout rollout) {
    if (rollout.status().abort()) {
      return 0;
    }
    List<CanaryStep> steps = rollout.spec().steps();
    Integer index = rollout.status().currentStepIndex();
    if (steps.isEmpty() || index == null || index >= steps.size()) {
      return 100;
    }
    for (int i = Math.min(index, steps.size() - 1); i >= 0; i--) {
      if (steps.get(i).setWeight() != null) {
        return steps.get(i).setWeight();
      }
    }
    return 0;
  }

  /**
   * The weight actually served. With traffic routing it is what the controller last set on the router;
   * a basic canary has no router, so it is the share of available pods that run the canary template.
   * {@code canaryAvailable} is the canary ReplicaSet's available pods, or null when not known, in which
   * case the updated replica count stands in for it.
   */
  public static int actualWeight(Rollout rollout, Integer canaryAvailable) {
    Rollout.Status status = rollout.status();
    if (rollout.spec().trafficRouted()) {
      return status.canaryWeight() == null ? 0 : status.canaryWeight();
    }
    if (!status.stableRS().isEmpty() && status.stableRS().equals(status.currentPodHash())) {
      return 100;
    }
    Rollout.Replicas replicas = status.replicas();
    int canary = canaryAvailable != null ? canaryAvailable : Math.min(replicas.updated(), replicas.available());
    return replicas.available() <= 0 ? 0 : canary * 100 / replicas.available();
  }
}
