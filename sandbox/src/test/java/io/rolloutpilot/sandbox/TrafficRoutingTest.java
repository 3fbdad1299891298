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
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import io.rolloutpilot.sandbox.junit.SandboxPart;
import io.rolloutpilot.sandbox.junit.SandboxTest;
import org.junit.jupiter.api.Test;

/** A canary with traffic routing: its recorded weights, and how its ReplicaSets are scaled down. */
@SandboxTest(podReadyDelayMillis = 20)
class TrafficRoutingTest {
  @SandboxPart
  static Sandbox sandbox;
  @SandboxPart
  static KubernetesClient client;
  @SandboxPart
  static ControllerSimulator sim;


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

  static String deadline(String replicaSet) {
    return rs(replicaSet).path("metadata").path("annotations").path("scale-down-deadline").asText();
  }

  static int replicas(String replicaSet) {
    return rs(replicaSet).path("spec").path("replicas").asInt();
  }

  /** The deadline is now plus the delay, in whole seconds, written between {@code from} and now. */
  static void assertDeadline(String replicaSet, Instant from, int delaySeconds) {
    Instant deadline = Instant.parse(deadline(replicaSet));
    assertThat(deadline).isBetween(from.plusSeconds(delaySeconds - 1), Instant.now().plusSeconds(delaySeconds));
    assertThat(deadline(replicaSet)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  static String release(String rollout, String image) {
    String before = TestRollouts.rollout(client, rollout).path("status").path("stableRS").asText();
    setImage(client, rollout, image);
    return await(client, rollout, "paused", r -> phase(r, "Paused", "CanaryPauseStep")
        && !before.equals(r.path("status").path("currentPodHash").asText())).path("status").path("currentPodHash").asText();
  }

  @Test
  void afterAPromotionTheOldStableWaitsOutScaleDownDelaySecondsThenGoes() {
    String h1 = deploy("delay", "scaleDownDelaySeconds: 2\n", "- setWeight: 20\n- pause: {}");
    String h2 = release("delay", "registry.example.com/guestbook:2.0.0");
    Instant promoted = Instant.now();
    statusPatch(client, "delay", "{\"status\":{\"pauseConditions\":null}}");
    JsonNode ro = await(client, "delay", "old stable waiting", r -> h2.equals(r.path("status").path("stableRS").asText())
        && !deadline("delay-" + h1).isEmpty());
    assertDeadline("delay-" + h1, promoted, 2);
    assertThat(replicas("delay-" + h1)).as("still up during the delay").isEqualTo(5);
    assertThat(TestRollouts.condition(ro, "Healthy").path("status").asText()).isEqualTo("False");

    ro = await(client, "delay", "old stable gone", Duration.ofSeconds(10), r -> replicas("delay-" + h1) == 0
        && "True".equals(TestRollouts.condition(r, "Healthy").path("status").asText()));
    assertThat(deadline("delay-" + h1)).as("the deadline goes with the pods").isEmpty();
    assertThat(ro.path("status").path("replicas").asInt()).isEqualTo(5);
  }

  @Test
  void anAbortedCanaryStaysUpForAbortScaleDownDelaySecondsThenGoes() {
    deploy("abortdelay", "abortScaleDownDelaySeconds: 2\n", "- setWeight: 20\n- pause: {}");
    String h2 = release("abortdelay", "registry.example.com/guestbook:2.0.0");
    Instant aborted = Instant.now();
    statusPatch(client, "abortdelay", "{\"status\":{\"abort\":true}}");
    JsonNode ro = await(client, "abortdelay", "canary waiting", r -> phase(r, "Degraded", null)
        && !deadline("abortdelay-" + h2).isEmpty());
    assertDeadline("abortdelay-" + h2, aborted, 2);
    assertThat(replicas("abortdelay-" + h2)).as("still up during the delay").isEqualTo(1);
    assertThat(weights(ro)).startsWith("canary 0@" + h2);

    await(client, "abortdelay", "canary gone", Duration.ofSeconds(10), r -> replicas("abortdelay-" + h2) == 0);
    assertThat(deadline("abortdelay-" + h2)).as("kept while aborted").isNotEmpty();
    statusPatch(client, "abortdelay", "{\"status\":{\"abort\":false}}");
    await(client, "abortdelay", "retried", r -> phase(r, "Paused", "CanaryPauseStep") && replicas("abortdelay-" + h2) == 1);
    assertThat(deadline("abortdelay-" + h2)).as("dropped on retry").isEmpty();
  }

  @Test
  void bothDelaysDefaultToThirtySeconds() {
    String h1 = deploy("defaults", "", "- setWeight: 20\n- pause: {}");
    String h2 = release("defaults", "registry.example.com/guestbook:2.0.0");
    Instant aborted = Instant.now();
    statusPatch(client, "defaults", "{\"status\":{\"abort\":true}}");
    await(client, "defaults", "canary waiting", r -> !deadline("defaults-" + h2).isEmpty());
    assertDeadline("defaults-" + h2, aborted, 30);
    assertThat(replicas("defaults-" + h2)).isEqualTo(1);

    statusPatch(client, "defaults", "{\"status\":{\"promoteFull\":true}}");
    Instant promoted = Instant.now();
    await(client, "defaults", "old stable waiting", r -> h2.equals(r.path("status").path("stableRS").asText())
        && !deadline("defaults-" + h1).isEmpty());
    assertDeadline("defaults-" + h1, promoted, 30);
    assertThat(replicas("defaults-" + h1)).isEqualTo(5);
    assertThat(deadline("defaults-" + h2)).as("the new stable has none").isEmpty();
  }

  @Test
  void withAbortScaleDownDelaySecondsZeroTheCanaryStillGoesAtOnce() {
    // Argo's documentation says 0 leaves the canary up; its controller only does so while a
    // setCanaryScale step is in effect, and for setWeight steps scales the canary down at once.
    deploy("abortzero", "abortScaleDownDelaySeconds: 0\n", "- setWeight: 20\n- pause: {}");
    String h2 = release("abortzero", "registry.example.com/guestbook:2.0.0");
    statusPatch(client, "abortzero", "{\"status\":{\"abort\":true}}");
    await(client, "abortzero", "canary gone", r -> phase(r, "Degraded", null) && replicas("abortzero-" + h2) == 0);
    assertThat(deadline("abortzero-" + h2)).isEmpty();
  }

  @Test
  void aBasicCanaryIgnoresBothDelays() {
    sandbox.apply(TestRollouts.rolloutYaml("basic", "", "scaleDownDelaySeconds: 30\nabortScaleDownDelaySeconds: 30",
        "- setWeight: 20\n- pause: {}"));
    String h1 = await(client, "basic", "deployed", r -> phase(r, "Healthy", "")).path("status").path("stableRS").asText();
    String h2 = release("basic", "registry.example.com/guestbook:2.0.0");
    statusPatch(client, "basic", "{\"status\":{\"abort\":true}}");
    await(client, "basic", "canary gone at once", r -> phase(r, "Degraded", null) && replicas("basic-" + h2) == 0);
    assertThat(deadline("basic-" + h2)).isEmpty();
    statusPatch(client, "basic", "{\"status\":{\"promoteFull\":true}}");
    await(client, "basic", "old stable gone at once", r -> phase(r, "Healthy", "")
        && h2.equals(r.path("status").path("stableRS").asText()) && replicas("basic-" + h1) == 0);
    assertThat(deadline("basic-" + h1)).isEmpty();
  }
}
