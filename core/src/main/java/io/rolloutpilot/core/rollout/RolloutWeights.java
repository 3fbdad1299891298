package io.rolloutpilot.core.rollout;

import java.util.List;

/** Canary weights as {@code kubectl argo rollouts get} shows them. */
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
   * {@code canaryAvailable} is the canary ReplicaSet's available pods, or null when the ReplicaSets were
   * not read (the follower sees only the Rollout); then it is the canary's share of all pods, because the
   * status does not say how many of the available pods are canary pods.
   */
  public static int actualWeight(Rollout rollout, Integer canaryAvailable) {
    Rollout.Status status = rollout.status();
    if (rollout.spec().trafficRouted()) {
      return status.canaryWeight() == null ? 0 : status.canaryWeight();
    }
    if (RolloutPredicates.isPromotedToStable(rollout)) {
      return 100;
    }
    Rollout.Replicas replicas = status.replicas();
    if (canaryAvailable == null) {
      return replicas.current() <= 0 ? 0 : Math.min(100, replicas.updated() * 100 / replicas.current());
    }
    return replicas.available() <= 0 ? 0 : canaryAvailable * 100 / replicas.available();
  }
}
