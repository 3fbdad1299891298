package io.rolloutpilot.sandbox;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresourcesBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * The Argo Rollouts kinds as this project registers them with the sandbox's API server: the
 * identity the API needs (group, names, scope, version) and the subresources of Argo v1.9.1.
 * Only Rollouts have a {@code status} (and {@code scale}) subresource there; AnalysisRuns and
 * Experiments keep their status in the main resource, which the simulator relies on.
 *
 * <p>The schema is a structural object that keeps every field: the sandbox stores what it is
 * given, as an API server with Argo's CRDs stores a valid object. Validating manifests against
 * Argo's full schemas is a separate concern and takes them from published packages.
 */
public final class ArgoCrds {
  /** One Argo kind; {@code namespaced} false for cluster-scoped kinds. */
  record Kind(String kind, String plural, String singular, String shortName, boolean namespaced, Subresource subresource) {}

  enum Subresource { NONE, STATUS_AND_SCALE }

  public static final String GROUP = "argoproj.io";
  public static final String VERSION = "v1alpha1";

  static final List<Kind> KINDS = List.of(
      new Kind("Rollout", "rollouts", "rollout", "ro", true, Subresource.STATUS_AND_SCALE),
      new Kind("AnalysisTemplate", "analysistemplates", "analysistemplate", "at", true, Subresource.NONE),
      new Kind("ClusterAnalysisTemplate", "clusteranalysistemplates", "clusteranalysistemplate", "cat", false,
          Subresource.NONE),
      new Kind("AnalysisRun", "analysisruns", "analysisrun", "ar", true, Subresource.NONE),
      new Kind("Experiment", "experiments", "experiment", "exp", true, Subresource.NONE));

  private ArgoCrds() {}

  /** Registering them is what makes the CRUD mock treat rollouts/status as a status subresource. */
  static void register(KubernetesClient client) {
    for (Kind kind : KINDS) {
      client.apiextensions().v1().customResourceDefinitions().resource(definition(kind)).create();
    }
  }

  static CustomResourceDefinition definition(Kind kind) {
    CustomResourceSubresourcesBuilder subresources = new CustomResourceSubresourcesBuilder();
    if (kind.subresource() == Subresource.STATUS_AND_SCALE) {
      subresources.withNewStatus().endStatus()
          .withNewScale()
          .withSpecReplicasPath(".spec.replicas")
          .withStatusReplicasPath(".status.HPAReplicas")
          .withLabelSelectorPath(".status.selector")
          .endScale();
    }
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName(kind.plural() + "." + GROUP).endMetadata()
        .withNewSpec()
        .withGroup(GROUP)
        .withScope(kind.namespaced() ? "Namespaced" : "Cluster")
        .withNewNames()
        .withKind(kind.kind())
        .withListKind(kind.kind() + "List")
        .withPlural(kind.plural())
        .withSingular(kind.singular())
        .withShortNames(kind.shortName())
        .endNames()
        .addNewVersion()
        .withName(VERSION)
        .withServed(true)
        .withStorage(true)
        .withSubresources(subresources.build())
        .withNewSchema().withOpenAPIV3Schema(keepEverything()).endSchema()
        .endVersion()
        .endSpec()
        .build();
  }

  private static JSONSchemaProps keepEverything() {
    return new JSONSchemaPropsBuilder().withType("object").withXKubernetesPreserveUnknownFields(true).build();
  }
}
