package io.rolloutpilot.bench.rollout;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.rolloutpilot.core.rollout.ArgoResources;
import io.rolloutpilot.sandbox.CanaryManifests;

/**
 * Rollouts for benchmarks, written straight to the API with the controller simulator paused, so the
 * only status changes are the ones a benchmark makes and times.
 */
final class BenchRollouts {
  private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

  private BenchRollouts() {}

  static String name(int i) {
    return String.format("bench-%04d", i);
  }

  static void create(KubernetesClient client, String namespace, String name) {
    String yaml = CanaryManifests.rollout(name, namespace, 1, "registry.example.com/bench:1", "setWeight: 50",
        "pause: {}");
    GenericKubernetesResource rollout = client.getKubernetesSerialization().unmarshal(yaml);
    client.genericKubernetesResources(ArgoResources.ROLLOUTS).inNamespace(namespace).resource(rollout).create();
    writeStatus(client, namespace, name, "change 0");
  }

  /** One status write that changes what a follower shows: a new Progressing message. */
  static void writeStatus(KubernetesClient client, String namespace, String name, String message) {
    client.genericKubernetesResources(ArgoResources.ROLLOUTS).inNamespace(namespace).withName(name)
        .subresource("status").patch(MERGE, "{\"status\":{\"phase\":\"Progressing\",\"message\":\"" + message
            + "\",\"observedGeneration\":\"1\",\"currentStepIndex\":0}}");
  }
}
