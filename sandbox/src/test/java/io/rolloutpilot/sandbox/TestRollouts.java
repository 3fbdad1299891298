package io.rolloutpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Plain fabric8 calls, shaped like the requests kubectl-argo-rollouts sends. */
final class TestRollouts {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final ResourceDefinitionContext ROLLOUTS = ctx("Rollout", "rollouts");
  static final ResourceDefinitionContext ANALYSIS_RUNS = ctx("AnalysisRun", "analysisruns");
  static final ResourceDefinitionContext REPLICA_SETS = new ResourceDefinitionContext.Builder().withGroup("apps")
      .withVersion("v1").withKind("ReplicaSet").withPlural("replicasets").withNamespaced(true).build();

  private TestRollouts() {}

  private static ResourceDefinitionContext ctx(String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup("argoproj.io").withVersion("v1alpha1").withKind(kind)
        .withPlural(plural).withNamespaced(true).build();
  }

  static String rolloutYaml(String name, String extraSpec, String steps) {
    return rolloutYaml(name, extraSpec, "", steps);
  }

  /** With {@code canaryExtra} (e.g. trafficRouting) under spec.strategy.canary. */
  static String rolloutYaml(String name, String extraSpec, String canaryExtra, String steps) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: success-rate, namespace: default}
        spec:
          args: [{name: service-name}]
          metrics:
            - name: success-rate
              successCondition: result[0] >= 0.95
              provider: {prometheus: {address: "http://prom:9090", query: "up"}}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: %s, namespace: default}
        spec:
          replicas: 5
        %s
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: app, image: "registry.example.com/guestbook:1.0.0"}]
          strategy:
            canary:
        %s
              steps:
        %s
        """.formatted(name, extraSpec.indent(2).stripTrailing(), name, name, canaryExtra.indent(6).stripTrailing(),
        steps.indent(8).stripTrailing());
  }

  /** Traffic routing through nginx, with the canary and stable Services it requires. */
  static final String NGINX = """
      canaryService: %1$s-canary
      stableService: %1$s-stable
      trafficRouting: {nginx: {stableIngress: %1$s}}
      """;

  /** Steps of a typical release (weight, manual pause, analysis, weight, timed pause) with a 2 s final pause. */
  static final String TRACE_STEPS = """
      - setWeight: 20
      - pause: {}
      - analysis:
          templates: [{templateName: success-rate}]
          args: [{name: service-name, value: guestbook}]
      - setWeight: 60
      - pause: {duration: 2s}
      """;

  static JsonNode get(KubernetesClient client, ResourceDefinitionContext ctx, String name) {
    GenericKubernetesResource r = client.genericKubernetesResources(ctx).inNamespace("default").withName(name).get();
    return r == null ? null : MAPPER.valueToTree(r);
  }

  static JsonNode rollout(KubernetesClient client, String name) {
    return get(client, ROLLOUTS, name);
  }

  static JsonNode statusPatch(KubernetesClient client, String name, String json) {
    return MAPPER.valueToTree(client.genericKubernetesResources(ROLLOUTS).inNamespace("default").withName(name)
        .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), json));
  }

  static JsonNode mainPatch(KubernetesClient client, ResourceDefinitionContext ctx, String name, String json) {
    return MAPPER.valueToTree(client.genericKubernetesResources(ctx).inNamespace("default").withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), json));
  }

  static JsonNode jsonPatch(KubernetesClient client, String name, String json) {
    return MAPPER.valueToTree(client.genericKubernetesResources(ROLLOUTS).inNamespace("default").withName(name)
        .patch(PatchContext.of(PatchType.JSON), json));
  }

  static void delete(KubernetesClient client, ResourceDefinitionContext ctx, String name) {
    client.genericKubernetesResources(ctx).inNamespace("default").withName(name).delete();
  }

  static JsonNode replicaSet(KubernetesClient client, String name) {
    return get(client, REPLICA_SETS, name);
  }

  static List<String> replicaSetNames(KubernetesClient client, String rollout) {
    return names(client, REPLICA_SETS, rollout);
  }

  static List<String> runNames(KubernetesClient client, String rollout) {
    return names(client, ANALYSIS_RUNS, rollout);
  }

  private static List<String> names(KubernetesClient client, ResourceDefinitionContext ctx, String rollout) {
    return client.genericKubernetesResources(ctx).inNamespace("default").list().getItems().stream()
        .map(r -> r.getMetadata().getName()).filter(n -> n.startsWith(rollout + "-")).sorted().toList();
  }

  /** What kubectl argo rollouts undo sends: the ReplicaSet's template without the hash label. */
  static void undoTo(KubernetesClient client, String rollout, String replicaSet) {
    ObjectNode template = (ObjectNode) replicaSet(client, replicaSet).path("spec").path("template").deepCopy();
    ((ObjectNode) template.path("metadata").path("labels")).remove("rollouts-pod-template-hash");
    jsonPatch(client, rollout, "[{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":" + template + "}]");
  }

  /**
   * Creation times have whole seconds, as in a cluster; once this returns, a ReplicaSet created next
   * is strictly younger than {@code replicaSet}.
   */
  static void awaitNextSecond(KubernetesClient client, String replicaSet) {
    Instant created = Instant.parse(replicaSet(client, replicaSet).path("metadata").path("creationTimestamp").asText());
    Polling.until(Duration.ofSeconds(3), Duration.ofMillis(10), Instant::now,
        now -> !now.isBefore(created.plusSeconds(1)), now -> "clock stuck at " + now);
  }

  /**
   * Releases {@code image} in a ReplicaSet created in a later second than the stable one, promotes it
   * fully and waits until it is the stable one; returns its hash.
   */
  static String releaseAndPromote(KubernetesClient client, String rollout, String image) {
    String before = rollout(client, rollout).path("status").path("stableRS").asText();
    awaitNextSecond(client, rollout + "-" + before);
    setImage(client, rollout, image);
    await(client, rollout, "new revision", r -> !before.equals(r.path("status").path("currentPodHash").asText()));
    statusPatch(client, rollout, "{\"status\":{\"promoteFull\":true}}");
    JsonNode ro = await(client, rollout, image + " stable", r -> phase(r, "Healthy", "")
        && !before.equals(r.path("status").path("stableRS").asText()));
    return ro.path("status").path("stableRS").asText();
  }

  static JsonNode setImage(KubernetesClient client, String name, String image) {
    return jsonPatch(client, name,
        "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + image + "\"}]");
  }

  static JsonNode await(KubernetesClient client, String name, String what, Predicate<JsonNode> condition) {
    return await(client, name, what, Duration.ofSeconds(15), condition);
  }

  static JsonNode await(KubernetesClient client, String name, String what, Duration timeout,
      Predicate<JsonNode> condition) {
    return Polling.until(timeout, Duration.ofMillis(20), () -> rollout(client, name),
        ro -> ro != null && condition.test(ro),
        last -> "timed out waiting for " + what + "; last status: " + (last == null ? null : last.path("status")));
  }

  static boolean phase(JsonNode ro, String phase, String message) {
    return phase.equals(ro.path("status").path("phase").asText())
        && (message == null || message.equals(ro.path("status").path("message").asText()))
        && ro.path("status").path("observedGeneration").asText().equals(ro.path("metadata").path("generation").asText());
  }

  static int index(JsonNode ro) {
    return ro.path("status").path("currentStepIndex").asInt(-1);
  }

  static JsonNode condition(JsonNode ro, String type) {
    for (JsonNode c : ro.path("status").path("conditions")) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return MAPPER.createObjectNode();
  }
}
