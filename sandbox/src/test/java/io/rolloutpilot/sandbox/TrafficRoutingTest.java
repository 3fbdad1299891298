package io.rolloutpilot.sandbox;

import static io.rolloutpilot.sandbox.TestRollouts.await;
import static io.rolloutpilot.sandbox.TestRollouts.index;
import static io.rolloutpilot.sandbox.TestRollouts.phase;
import static io.rolloutpilot.sandbox.TestRollouts.setImage;
import static io.rolloutpilot.sandbox.TestRollouts.statusPatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.rolloutpilot.sandbox.sim.ControllerSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A canary with traffic routing: its recorded weights, and how its ReplicaSets are scaled down. */
class TrafficRoutingTest {
  static Sandbox sandbox;
  static KubernetesClient client;
  static ControllerSimulator sim;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withPodReadyDelay(Duration.ofMillis(20)));
    client = sandbox.client();
    sim = sandbox.controller();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void restore() {
    sim.setPodReadyDelay(Duration.ofMillis(20));
  }

  static JsonNode rs(String name) {
    return TestRollouts.replicaSet(client, name);
  }

  static String deploy(String name, String canaryExtra, String steps) {
    sandbox.apply(TestRollouts.rolloutYaml(name, "", TestRollouts.NGINX.formatted(name) + canaryExtra, steps));
    return await(client, name, "initial deploy", r -> phase(r, "Healthy", "") && r.path("status").path("canary")
        .has("weights")).path("status").path("stableRS").asText();
  }

  static String weights(JsonNode ro) {
    JsonNode w = ro.path("status").path("canary").path("weights");
    return "canary " + w.path("canary").path("weight").asInt() + "@" + w.path("canary").path("podTemplateHash").asText()
        + ", stable " + w.path("stable").path("weight").asInt() + "@" + w.path("stable").path("podTemplateHash").asText();
  }

  @Test
  void theCanaryWeightStaysZeroUntilTheCanaryHasAnAvailablePod() {
    String h1 = deploy("weights", "", "- setWeight: 20\n- pause: {}");
    assertThat(weights(TestRollouts.rollout(client, "weights"))).isEqualTo("canary 0@" + h1 + ", stable 100@" + h1);

    sim.setPodReadyDelay(Duration.ofHours(1));
    setImage(client, "weights", "registry.example.com/guestbook:2.0.0");
    String h2 = await(client, "weights", "canary scaled up", r -> !r.path("status").path("currentPodHash").asText()
        .equals(h1)).path("status").path("currentPodHash").asText();
    await(client, "weights", "canary pod pending", r -> rs("weights-" + h2).path("spec").path("replicas").asInt() == 1);
    assertThat(sim.awaitIdle(Duration.ofSeconds(5))).isTrue();
    JsonNode ro = TestRollouts.rollout(client, "weights");
    assertThat(weights(ro)).as("no available canary pod, no traffic").isEqualTo("canary 0@" + h2 + ", stable 100@" + h1);
    assertThat(index(ro)).isZero();

    sim.setPodReadyDelay(Duration.ofMillis(20));
    sim.markPodsReady("default", "weights");
    ro = await(client, "weights", "paused at 20%", r -> phase(r, "Paused", "CanaryPauseStep"));
    assertThat(weights(ro)).isEqualTo("canary 20@" + h2 + ", stable 80@" + h1);

    statusPatch(client, "weights", "{\"status\":{\"pauseConditions\":null}}");
    ro = await(client, "weights", "promoted", r -> phase(r, "Healthy", "") && h2.equals(r.path("status")
        .path("stableRS").asText()) && r.path("status").path("canary").path("weights").path("stable")
        .path("podTemplateHash").asText().equals(h2));
    assertThat(weights(ro)).isEqualTo("canary 0@" + h2 + ", stable 100@" + h2);
    assertThat(ControllerEventsTest.summary(ControllerEventsTest.events(client, "weights"))).containsSubsequence(
        "TrafficWeightUpdated x1: Traffic weight updated to 0",
        "TrafficWeightUpdated x1: Traffic weight updated from 0 to 20",
        "TrafficWeightUpdated x1: Traffic weight updated from 20 to 100",
        "TrafficWeightUpdated x1: Traffic weight updated from 100 to 0");
  }
}
