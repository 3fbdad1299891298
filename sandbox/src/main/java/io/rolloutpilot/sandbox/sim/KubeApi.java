package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's API access, as JSON trees. Uses explicit resource contexts so no discovery round
 * trips are made, and so request counts of the code under test are not polluted by ours.
 */
final class KubeApi {
  static final ResourceDefinitionContext ROLLOUTS = context("argoproj.io", "Rollout", "rollouts", true);
  static final ResourceDefinitionContext ANALYSIS_RUNS = context("argoproj.io", "AnalysisRun", "analysisruns", true);
  static final ResourceDefinitionContext ANALYSIS_TEMPLATES =
      context("argoproj.io", "AnalysisTemplate", "analysistemplates", true);
  static final ResourceDefinitionContext CLUSTER_ANALYSIS_TEMPLATES =
      context("argoproj.io", "ClusterAnalysisTemplate", "clusteranalysistemplates", false);
  static final ResourceDefinitionContext REPLICA_SETS = new ResourceDefinitionContext.Builder()
      .withGroup("apps").withVersion("v1").withKind("ReplicaSet").withPlural("replicasets").withNamespaced(true).build();
  static final ResourceDefinitionContext EVENTS = new ResourceDefinitionContext.Builder()
      .withGroup("").withVersion("v1").withKind("Event").withPlural("events").withNamespaced(true).build();

  private final KubernetesClient client;

  KubeApi(KubernetesClient client) {
    this.client = client;
  }

  KubernetesClient client() {
    return client;
  }

  private static ResourceDefinitionContext context(String group, String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1alpha1").withKind(kind)
        .withPlural(plural).withNamespaced(namespaced).build();
  }

  MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> ops(
      ResourceDefinitionContext ctx) {
    return client.genericKubernetesResources(ctx);
  }

  ObjectNode get(ResourceDefinitionContext ctx, String namespace, String name) {
    GenericKubernetesResource found = namespace == null ? ops(ctx).withName(name).get()
        : ops(ctx).inNamespace(namespace).withName(name).get();
    return found == null ? null : toJson(found);
  }

  List<ObjectNode> list(ResourceDefinitionContext ctx, String namespace) {
    List<ObjectNode> items = new ArrayList<>();
    ops(ctx).inNamespace(namespace).list().getItems().forEach(item -> items.add(toJson(item)));
    return items;
  }

  /** Objects whose controller ownerReference points at the given uid. */
  List<ObjectNode> listOwned(ResourceDefinitionContext ctx, String namespace, String ownerUid) {
    List<ObjectNode> owned = new ArrayList<>();
    for (ObjectNode item : list(ctx, namespace)) {
      for (JsonNode ref : item.path("metadata").path("ownerReferences")) {
        if (ownerUid.equals(ref.path("uid").asText()) && ref.path("controller").asBoolean(false)) {
          owned.add(item);
        }
      }
    }
    return owned;
  }

  ObjectNode create(ResourceDefinitionContext ctx, String namespace, ObjectNode object) {
    return toJson(ops(ctx).inNamespace(namespace).resource(fromJson(object)).create());
  }

  ObjectNode mergePatch(ResourceDefinitionContext ctx, String namespace, String name, JsonNode patch) {
    return toJson(ops(ctx).inNamespace(namespace).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString()));
  }

  /** PUT to /status, locked on the object's resourceVersion (409 when someone wrote in between). */
  ObjectNode updateStatus(ResourceDefinitionContext ctx, ObjectNode object) {
    String namespace = object.path("metadata").path("namespace").asText();
    return toJson(ops(ctx).inNamespace(namespace).resource(fromJson(object)).updateStatus());
  }

  void delete(ResourceDefinitionContext ctx, String namespace, String name) {
    ops(ctx).inNamespace(namespace).withName(name).delete();
  }

  ObjectNode toJson(GenericKubernetesResource resource) {
    return client.getKubernetesSerialization().convertValue(resource, ObjectNode.class);
  }

  GenericKubernetesResource fromJson(ObjectNode node) {
    return client.getKubernetesSerialization().convertValue(node, GenericKubernetesResource.class);
  }
}
