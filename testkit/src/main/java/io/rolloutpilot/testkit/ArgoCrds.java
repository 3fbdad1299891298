package io.rolloutpilot.testkit;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The five Argo Rollouts v1.9.1 CRDs, copied into the jar at build time from ../shared/schemas/argo-rollouts. */
final class ArgoCrds {
  static final List<String> FILES = List.of("rollout-crd.yaml", "analysis-template-crd.yaml",
      "cluster-analysis-template-crd.yaml", "analysis-run-crd.yaml", "experiment-crd.yaml");

  private ArgoCrds() {}

  /** Registering them is what makes the CRUD mock treat rollouts/status as a status subresource. */
  static void register(KubernetesClient client) {
    for (String file : FILES) {
      String resource = "argo-rollouts/" + file;
      try (InputStream in = ArgoCrds.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Argo CRD " + resource + " is not on the classpath; the testkit build "
              + "copies it from ../shared/schemas/argo-rollouts (rebuild testkit with that folder present)");
        }
        CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
  }
}
