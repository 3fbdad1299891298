package io.rolloutpilot.core.analysis;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.rolloutpilot.core.kube.ClusterErrors;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutClient;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.error.InvalidInputException;
import java.time.Instant;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.validation.PodTemplateHashes;
import io.rolloutpilot.core.validation.Quoted;

/**
 * Reads a Rollout's canary target for Mode B: {@code status.currentPodHash} against {@code status.stableRS},
 * and t₀ = the creation time of the canary's ReplicaSet ({@code <rollout>-<hash>}), when the canary pods
 * first existed. A Rollout without a canary in flight is bad input: there is nothing to compare.
 */
public final class CanaryTargets {
  private final RolloutClient rollouts;
  private final KubernetesClient client;
  private final String credentials;

  public CanaryTargets(RolloutClient rollouts, KubernetesClient client, String credentials) {
    this.rollouts = rollouts;
    this.client = client;
    this.credentials = credentials;
  }

  /** @param since t₀ given by the user, or null to use the canary ReplicaSet's creation time */
  public CanaryTarget of(RolloutRef ref, Instant since) {
    Rollout rollout = rollouts.get(ref);
    String canary = rollout.status().currentPodHash();
    String stable = rollout.status().stableRS();
    if (canary.isEmpty() || stable.isEmpty() || canary.equals(stable)) {
      throw new InvalidInputException(new Details("rollout", "rollout " + ref + " has no canary in flight"
          + " (current pod hash '" + canary + "', stable '" + stable + "')", Hint.GIVE_CANARY_HASHES, null));
    }
    if (!PodTemplateHashes.isValid(canary) || !PodTemplateHashes.isValid(stable)) {
      throw new InvalidInputException(new Details("rollout", "rollout " + ref + " reports pod hashes "
          + Quoted.of(canary) + " and " + Quoted.of(stable) + ", which are not pod template hashes",
          Hint.GIVE_CANARY_HASHES, null));
    }
    if (since != null) {
      return new CanaryTarget(canary, stable, since, "given");
    }
    String name = ref.name() + "-" + canary;
    ReplicaSet rs;
    try {
      rs = client.apps().replicaSets().inNamespace(ref.namespace()).withName(name).get();
    } catch (KubernetesClientException e) {
      throw ClusterErrors.translate(e, "read ReplicaSet " + ref.namespace() + "/" + name, credentials);
    }
    if (rs == null || rs.getMetadata().getCreationTimestamp() == null) {
      throw new InvalidInputException(new Details("since", "cannot tell when the canary started: ReplicaSet "
          + name + " has no creation time", Hint.GIVE_CANARY_START, null));
    }
    return new CanaryTarget(canary, stable, Instant.parse(rs.getMetadata().getCreationTimestamp()),
        "creation of ReplicaSet " + name);
  }
}
