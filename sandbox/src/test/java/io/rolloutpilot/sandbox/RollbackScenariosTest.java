package io.rolloutpilot.sandbox;

import static io.rolloutpilot.sandbox.TestRollouts.await;
import static io.rolloutpilot.sandbox.TestRollouts.index;
import static io.rolloutpilot.sandbox.TestRollouts.phase;
import static io.rolloutpilot.sandbox.TestRollouts.setImage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.rolloutpilot.sandbox.sim.AnalysisOutcomePolicy;
import io.rolloutpilot.sandbox.sim.ControllerSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import io.rolloutpilot.sandbox.junit.SandboxPart;
import io.rolloutpilot.sandbox.junit.SandboxTest;
import org.junit.jupiter.api.Test;

/** Going back to an earlier ReplicaSet: which one is reused, and when the steps are skipped. */
@SandboxTest(podReadyDelayMillis = 20)
class RollbackScenariosTest {
  @SandboxPart
  static Sandbox sandbox;
  @SandboxPart
  static KubernetesClient client;
  @SandboxPart
  static ControllerSimulator sim;


  static JsonNode rs(String name) {
    return TestRollouts.replicaSet(client, name);
  }

  static List<String> replicaSetNames(String rollout) {
    return TestRollouts.replicaSetNames(client, rollout);
  }

  static void undoTo(String rollout, String replicaSet) {
    TestRollouts.undoTo(client, rollout, replicaSet);
  }

  /** A ReplicaSet as a controller with another template hash left it: owned by the Rollout, scaled up. */
  static void foreignReplicaSet(JsonNode rollout, String hash) {
    ObjectNode template = (ObjectNode) rollout.path("spec").path("template").deepCopy();
    ((ObjectNode) template.path("metadata").path("labels")).put("rollouts-pod-template-hash", hash);
    String name = rollout.path("metadata").path("name").asText();
    ObjectNode rs = TestRollouts.MAPPER.createObjectNode().put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
    ObjectNode meta = rs.putObject("metadata").put("name", name + "-" + hash).put("namespace", "default");
    meta.set("labels", template.path("metadata").path("labels").deepCopy());
    meta.putObject("annotations").put("rollout.argoproj.io/revision", "1");
    meta.putArray("ownerReferences").addObject().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Rollout")
        .put("name", name).put("uid", rollout.path("metadata").path("uid").asText()).put("controller", true);
    ObjectNode spec = rs.putObject("spec").put("replicas", 5);
    spec.putObject("selector").putObject("matchLabels").put("app", name).put("rollouts-pod-template-hash", hash);
    spec.set("template", template);
    rs.putObject("status").put("replicas", 5).put("readyReplicas", 5).put("availableReplicas", 5)
        .put("observedGeneration", 1);
    client.resource(client.getKubernetesSerialization().convertValue(rs,
        io.fabric8.kubernetes.api.model.apps.ReplicaSet.class)).create();
  }

  static List<String> runsFor(String hash) {
    return client.genericKubernetesResources(TestRollouts.ANALYSIS_RUNS).inNamespace("default").list().getItems()
        .stream().map(r -> r.getMetadata().getName()).filter(n -> n.contains("-" + hash + "-")).toList();
  }

  @Test
  void rollingBackWithinTheWindowSkipsStepsAndAnalysisOutsideItDoesNot() {
    sim.setAnalysisOutcomePolicy(AnalysisOutcomePolicy.manual());
    sandbox.apply(TestRollouts.rolloutYaml("window", "rollbackWindow: {revisions: 1}",
        "- setWeight: 20\n- analysis: {templates: [{templateName: success-rate}]}\n- pause: {}"));
    String v1 = await(client, "window", "v1", r -> phase(r, "Healthy", "")).path("status").path("stableRS").asText();
    String v2 = TestRollouts.releaseAndPromote(client, "window", "registry.example.com/guestbook:2.0.0");
    String v3 = TestRollouts.releaseAndPromote(client, "window", "registry.example.com/guestbook:3.0.0");

    undoTo("window", "window-" + v1);
    JsonNode ro = await(client, "window", "v1 outside the window (v2 lies between)", r -> v1.equals(
        r.path("status").path("currentPodHash").asText()) && index(r) == 1 && !runsFor(v1).isEmpty());
    assertThat(ro.path("status").path("stableRS").asText()).isEqualTo(v3);

    undoTo("window", "window-" + v3);
    await(client, "window", "back to stable v3", r -> phase(r, "Healthy", "")
        && v3.equals(r.path("status").path("currentPodHash").asText()));

    undoTo("window", "window-" + v2);
    ro = await(client, "window", "v2 within the window", r -> phase(r, "Healthy", "")
        && v2.equals(r.path("status").path("stableRS").asText()));
    assertThat(index(ro)).isEqualTo(3);
    assertThat(runsFor(v2)).as("no analysis for v2 (its own release was fully promoted)").isEmpty();
    assertThat(ro.path("status").has("pauseConditions")).isFalse();
  }

  @Test
  void aReplicaSetWithAnotherHashButTheSameTemplateIsReusedAlsoOnRollback() {
    sim.pause();
    sandbox.apply(TestRollouts.rolloutYaml("foreign", "", "- setWeight: 20\n- pause: {}"));
    foreignReplicaSet(TestRollouts.rollout(client, "foreign"), "abc12345");
    sim.resume();
    JsonNode ro = await(client, "foreign", "adopted as stable", r -> phase(r, "Healthy", ""));
    assertThat(ro.path("status").path("stableRS").asText()).isEqualTo("abc12345");
    assertThat(ro.path("status").path("currentPodHash").asText()).isEqualTo("abc12345");
    assertThat(replicaSetNames("foreign")).containsExactly("foreign-abc12345");

    setImage(client, "foreign", "registry.example.com/guestbook:2.0.0");
    ro = await(client, "foreign", "canary paused", r -> phase(r, "Paused", "CanaryPauseStep"));
    String h2 = ro.path("status").path("currentPodHash").asText();
    undoTo("foreign", "foreign-abc12345");
    ro = await(client, "foreign", "back on the old ReplicaSet", r -> phase(r, "Healthy", "")
        && "abc12345".equals(r.path("status").path("currentPodHash").asText())
        && rs("foreign-" + h2).path("spec").path("replicas").asInt() == 0);
    assertThat(index(ro)).as("fast-tracked: it is the stable one").isEqualTo(2);
    assertThat(replicaSetNames("foreign")).containsExactlyInAnyOrder("foreign-abc12345", "foreign-" + h2);
    JsonNode reused = rs("foreign-abc12345").path("metadata").path("annotations");
    assertThat(reused.path("rollout.argoproj.io/revision").asText()).isEqualTo("3");
    assertThat(reused.path("rollout.argoproj.io/revision-history").asText()).isEqualTo("1");
  }
}
