package io.rolloutpilot.sandbox;

import static io.rolloutpilot.sandbox.TestRollouts.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.rolloutpilot.sandbox.junit.SandboxPart;
import io.rolloutpilot.sandbox.junit.SandboxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API server itself: status subresource, optimistic concurrency, merge patch, apply, kubeconfig. */
@SandboxTest(podReadyDelayMillis = 20)
class SandboxApiTest {
  @SandboxPart
  static Sandbox sandbox;
  @SandboxPart
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    sandbox.controller().pause();
    sandbox.apply(TestRollouts.rolloutYaml("subres", "", "- setWeight: 50"));
  }


  @Test
  void mainResourceWritesDoNotChangeStatusAndStatusWritesDoNotBumpGeneration() {
    TestRollouts.statusPatch(client, "subres", "{\"status\":{\"phase\":\"Healthy\",\"abort\":true}}");
    JsonNode before = TestRollouts.rollout(client, "subres");
    assertThat(before.path("status").path("abort").asBoolean()).isTrue();
    long generation = before.path("metadata").path("generation").asLong();

    JsonNode patched = TestRollouts.mainPatch(client, TestRollouts.ROLLOUTS, "subres",
        "{\"spec\":{\"paused\":true},\"status\":{\"abort\":false,\"phase\":\"Degraded\"}}");
    assertThat(patched.path("spec").path("paused").asBoolean()).isTrue();
    assertThat(patched.path("status").path("abort").asBoolean()).isTrue();
    assertThat(patched.path("status").path("phase").asText()).isEqualTo("Healthy");
    assertThat(patched.path("metadata").path("generation").asLong()).isEqualTo(generation + 1);

    GenericKubernetesResource put = client.genericKubernetesResources(TestRollouts.ROLLOUTS).inNamespace("default")
        .withName("subres").get();
    put.setAdditionalProperty("status", MAPPER.createObjectNode().put("phase", "Paused"));
    GenericKubernetesResource afterPut = client.resource(put).update();
    assertThat(MAPPER.valueToTree(afterPut).path("status").path("phase").asText()).isEqualTo("Healthy");

    JsonNode afterStatus = TestRollouts.statusPatch(client, "subres", "{\"status\":{\"currentStepIndex\":1}}");
    assertThat(afterStatus.path("metadata").path("generation").asLong()).isEqualTo(generation + 1);
    assertThat(afterStatus.path("status").path("currentStepIndex").asInt()).isEqualTo(1);
  }

  @Test
  void mergePatchNullDeletesAndListsAreReplacedNotAppended() {
    TestRollouts.statusPatch(client, "subres",
        "{\"status\":{\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\",\"startTime\":\"2024-01-01T00:00:00Z\"}],\"controllerPause\":true}}");
    JsonNode cleared = TestRollouts.statusPatch(client, "subres", "{\"status\":{\"pauseConditions\":null}}");
    assertThat(cleared.path("status").has("pauseConditions")).isFalse();
    assertThat(cleared.path("status").path("controllerPause").asBoolean()).isTrue();

    JsonNode replaced = TestRollouts.mainPatch(client, TestRollouts.ROLLOUTS, "subres",
        "{\"spec\":{\"strategy\":{\"canary\":{\"steps\":[{\"setWeight\":10},{\"pause\":{}}]}}}}");
    assertThat(replaced.path("spec").path("strategy").path("canary").path("steps")).hasSize(2);
    assertThat(replaced.path("spec").path("strategy").path("canary").path("steps").get(0).path("setWeight").asInt())
        .isEqualTo(10);
  }

  @Test
  void stalePutGets409Conflict() {
    ConfigMap created = client.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
        .withNewMetadata().withName("occ").endMetadata().addToData("k", "v1").build()).create();
    ConfigMap first = new ConfigMapBuilder(created).addToData("k", "v2").build();
    client.configMaps().inNamespace("default").resource(first).update();
    ConfigMap stale = new ConfigMapBuilder(created).addToData("k", "v3").build();
    assertThatThrownBy(() -> client.configMaps().inNamespace("default").resource(stale).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(client.configMaps().inNamespace("default").withName("occ").get().getData()).containsEntry("k", "v2");

    GenericKubernetesResource ro = client.genericKubernetesResources(TestRollouts.ROLLOUTS).inNamespace("default")
        .withName("subres").get();
    TestRollouts.mainPatch(client, TestRollouts.ROLLOUTS, "subres", "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}");
    assertThatThrownBy(() -> client.resource(ro).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));

    // the CRUD mock alone lets a stale PUT to /status win; the sandbox refuses it like kube-apiserver
    GenericKubernetesResource staleStatus = client.genericKubernetesResources(TestRollouts.ROLLOUTS)
        .inNamespace("default").withName("subres").get();
    TestRollouts.statusPatch(client, "subres", "{\"status\":{\"abort\":true,\"message\":\"newer\"}}");
    staleStatus.setAdditionalProperty("status", MAPPER.createObjectNode().put("message", "stale"));
    assertThatThrownBy(() -> client.resource(staleStatus).updateStatus())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(409);
          assertThat(e.getStatus().getMessage()).contains("the object has been modified");
        });
    assertThat(TestRollouts.rollout(client, "subres").path("status").path("message").asText()).isEqualTo("newer");
  }

  @Test
  void applyReplacesAndKeepsStatus(@TempDir Path dir) throws Exception {
    sandbox.apply(TestRollouts.rolloutYaml("applied", "", "- setWeight: 50"));
    TestRollouts.statusPatch(client, "applied", "{\"status\":{\"phase\":\"Paused\"}}");
    Path file = dir.resolve("ro.yaml");
    Files.writeString(file, TestRollouts.rolloutYaml("applied", "paused: true", "- setWeight: 50"));
    sandbox.apply(file);
    JsonNode ro = TestRollouts.rollout(client, "applied");
    assertThat(ro.path("spec").path("paused").asBoolean()).isTrue();
    assertThat(ro.path("status").path("phase").asText()).isEqualTo("Paused");
    assertThat(ro.path("metadata").path("generation").asLong()).isEqualTo(2);
  }

  @Test
  void kubeconfigConnectsAnotherClient(@TempDir Path dir) throws Exception {
    Path kubeconfig = sandbox.writeKubeconfig(dir.resolve("kube/config"));
    String yaml = Files.readString(kubeconfig);
    assertThat(yaml).contains("name: \"sandbox\"").contains("sandbox-admin").contains("current-context: \"sandbox\"");
    Config config = Config.fromKubeconfig(kubeconfig.toFile());
    try (KubernetesClient other = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThat(other.getNamespace()).isEqualTo("default");
      assertThat(other.genericKubernetesResources(TestRollouts.ROLLOUTS).inNamespace("default").list().getItems())
          .extracting(r -> r.getMetadata().getName()).contains("subres");
    }
  }

  @Test
  void sampleAppliesAndCrdsAreRegistered() {
    try (Sandbox other = Sandbox.start(SandboxOptions.defaults())) {
      other.controller().pause();
      other.applySample();
      assertThat(other.client().apiextensions().v1().customResourceDefinitions().list().getItems())
          .extracting(c -> c.getMetadata().getName()).containsExactlyInAnyOrder("rollouts.argoproj.io",
              "analysistemplates.argoproj.io", "clusteranalysistemplates.argoproj.io", "analysisruns.argoproj.io",
              "experiments.argoproj.io");
      JsonNode ro = TestRollouts.rollout(other.client(), "guestbook");
      assertThat(ro.path("spec").path("replicas").asInt()).isEqualTo(5);
      assertThat(ro.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText())
          .isEqualTo("registry.example.com/guestbook:1.0.0");
      ObjectNode steps = MAPPER.createObjectNode();
      steps.set("s", ro.path("spec").path("strategy").path("canary").path("steps"));
      assertThat(steps.path("s")).hasSize(5);
    }
  }
}
