package io.rolloutpilot.sandbox;

import static io.rolloutpilot.sandbox.TestRollouts.await;
import static io.rolloutpilot.sandbox.TestRollouts.condition;
import static io.rolloutpilot.sandbox.TestRollouts.phase;
import static io.rolloutpilot.sandbox.TestRollouts.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.rolloutpilot.sandbox.sim.ControllerSimulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.rolloutpilot.sandbox.junit.SandboxPart;
import io.rolloutpilot.sandbox.junit.SandboxTest;
import org.junit.jupiter.api.Test;

/** The Progressing and Paused conditions when a rollout is paused by hand. */
@SandboxTest(podReadyDelayMillis = 20)
class PausedConditionsTest {
  @SandboxPart
  static Sandbox sandbox;
  @SandboxPart
  static KubernetesClient client;
  @SandboxPart
  static ControllerSimulator sim;


  static JsonNode deploy(String name) {
    sandbox.apply(TestRollouts.rolloutYaml(name, "", "- setWeight: 20\n- pause: {}"));
    return await(client, name, "deployed", r -> phase(r, "Healthy", ""));
  }

  @Test
  void pausingAndResumingACompletedRolloutLeavesItsProgressingConditionAlone() {
    JsonNode ro = deploy("done");
    JsonNode progressing = condition(ro, "Progressing");
    assertThat(progressing.path("reason").asText()).isEqualTo("NewReplicaSetAvailable");
    // Condition times have whole seconds: let the clock move on so that a rewrite would show.
    Instant written = Instant.parse(progressing.path("lastUpdateTime").asText());
    Polling.until(Duration.ofSeconds(3), Duration.ofMillis(10), Instant::now,
        now -> !now.isBefore(written.plusSeconds(1)), now -> "clock stuck at " + now);

    TestRollouts.mainPatch(client, TestRollouts.ROLLOUTS, "done", "{\"spec\":{\"paused\":true}}");
    ro = await(client, "done", "manually paused", r -> phase(r, "Paused", "manually paused")
        && "True".equals(condition(r, "Paused").path("status").asText()));
    assertThat(sim.awaitIdle(Duration.ofSeconds(5))).isTrue();
    ro = rollout(client, "done");
    assertThat(condition(ro, "Progressing")).isEqualTo(progressing);
    assertThat(condition(ro, "Healthy").path("status").asText()).isEqualTo("False");

    TestRollouts.mainPatch(client, TestRollouts.ROLLOUTS, "done", "{\"spec\":{\"paused\":false}}");
    ro = await(client, "done", "resumed", r -> phase(r, "Healthy", "")
        && "False".equals(condition(r, "Paused").path("status").asText()));
    assertThat(sim.awaitIdle(Duration.ofSeconds(5))).isTrue();
    assertThat(condition(rollout(client, "done"), "Progressing")).isEqualTo(progressing);
  }

}
