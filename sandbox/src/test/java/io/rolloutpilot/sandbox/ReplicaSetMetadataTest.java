package io.rolloutpilot.sandbox;

import static io.rolloutpilot.sandbox.TestRollouts.await;
import static io.rolloutpilot.sandbox.TestRollouts.phase;
import static io.rolloutpilot.sandbox.TestRollouts.setImage;
import static io.rolloutpilot.sandbox.TestRollouts.statusPatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.rolloutpilot.sandbox.sim.ControllerSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.rolloutpilot.sandbox.junit.SandboxPart;
import io.rolloutpilot.sandbox.junit.SandboxTest;
import org.junit.jupiter.api.Test;

/** What the controller puts on ReplicaSets besides the template: ephemeral metadata and annotations. */
@SandboxTest(podReadyDelayMillis = 20)
class ReplicaSetMetadataTest {
  @SandboxPart
  static Sandbox sandbox;
  @SandboxPart
  static KubernetesClient client;
  @SandboxPart
  static ControllerSimulator sim;


  static JsonNode rs(String name) {
    return TestRollouts.replicaSet(client, name);
  }

  static Map<String, Object> templateLabels(String name) {
    return TestRollouts.MAPPER.convertValue(rs(name).path("spec").path("template").path("metadata").path("labels"),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
  }

  static JsonNode annotations(String name) {
    return rs(name).path("metadata").path("annotations");
  }

  @Test
  void canaryAndStableMetadataFollowTheReplicaSetsThroughAPromotion() {
    sandbox.apply(TestRollouts.rolloutYaml("meta", "", """
        canaryMetadata:
          labels: {role: canary}
          annotations: {phase: canary}
        stableMetadata:
          labels: {role: stable}
        """, "- setWeight: 20\n- pause: {}"));
    String h1 = await(client, "meta", "deployed", r -> phase(r, "Healthy", "")).path("status").path("stableRS").asText();
    assertThat(templateLabels("meta-" + h1)).containsEntry("role", "stable").containsEntry("app", "meta");
    assertThat(annotations("meta-" + h1).path("rollout.argoproj.io/ephemeral-metadata").asText())
        .isEqualTo("{\"labels\":{\"role\":\"stable\"}}");

    setImage(client, "meta", "registry.example.com/guestbook:2.0.0");
    String h2 = await(client, "meta", "canary", r -> phase(r, "Paused", "CanaryPauseStep"))
        .path("status").path("currentPodHash").asText();
    assertThat(templateLabels("meta-" + h2)).containsEntry("role", "canary");
    assertThat(rs("meta-" + h2).path("spec").path("template").path("metadata").path("annotations").path("phase")
        .asText()).isEqualTo("canary");
    assertThat(annotations("meta-" + h2).path("rollout.argoproj.io/ephemeral-metadata").asText())
        .isEqualTo("{\"labels\":{\"role\":\"canary\"},\"annotations\":{\"phase\":\"canary\"}}");
    assertThat(templateLabels("meta-" + h1)).containsEntry("role", "stable");

    statusPatch(client, "meta", "{\"status\":{\"pauseConditions\":null}}");
    await(client, "meta", "promoted and relabelled", r -> phase(r, "Healthy", "")
        && h2.equals(r.path("status").path("stableRS").asText()) && "stable".equals(templateLabels("meta-" + h2).get("role"))
        && !templateLabels("meta-" + h1).containsKey("role"));
    assertThat(rs("meta-" + h2).path("spec").path("template").path("metadata").path("annotations").has("phase")).isFalse();
    assertThat(annotations("meta-" + h2).path("rollout.argoproj.io/ephemeral-metadata").asText())
        .isEqualTo("{\"labels\":{\"role\":\"stable\"}}");
    assertThat(annotations("meta-" + h1).has("rollout.argoproj.io/ephemeral-metadata")).isFalse();
    assertThat(templateLabels("meta-" + h1)).containsEntry("app", "meta");
  }

  @Test
  void theRolloutsAnnotationsAreCopiedToTheNewReplicaSetExceptArgosAndKubectls() {
    sandbox.apply(TestRollouts.rolloutYaml("notes", "", "- setWeight: 20\n- pause: {}").replace(
        "metadata: {name: notes, namespace: default}", """
        metadata:
          name: notes
          namespace: default
          annotations:
            team: payments
            kubectl.kubernetes.io/last-applied-configuration: "{}"
            notified.notifications.argoproj.io: "{}"
        """.stripTrailing()));
    String h1 = await(client, "notes", "deployed", r -> phase(r, "Healthy", "")).path("status").path("stableRS").asText();
    JsonNode first = annotations("notes-" + h1);
    assertThat(first.path("team").asText()).isEqualTo("payments");
    assertThat(first.has("kubectl.kubernetes.io/last-applied-configuration")).isFalse();
    assertThat(first.has("notified.notifications.argoproj.io")).isFalse();
    assertThat(first.path("rollout.argoproj.io/revision").asText()).isEqualTo("1");
    assertThat(first.path("rollout.argoproj.io/desired-replicas").asText()).isEqualTo("5");

    setImage(client, "notes", "registry.example.com/guestbook:2.0.0");
    String h2 = await(client, "notes", "canary", r -> phase(r, "Paused", "CanaryPauseStep"))
        .path("status").path("currentPodHash").asText();
    TestRollouts.mainPatch(client, TestRollouts.ROLLOUTS, "notes",
        "{\"metadata\":{\"annotations\":{\"team\":\"checkout\",\"owner\":\"alice\"}}}");
    JsonNode second = Polling.until(Duration.ofSeconds(10), Duration.ofMillis(20), () -> annotations("notes-" + h2),
        a -> "alice".equals(a.path("owner").asText()), a -> "annotations: " + a);
    assertThat(second.path("team").asText()).isEqualTo("checkout");
    // As in Argo's controller: a change of copied annotations also records the (unchanged) revision.
    assertThat(second.path("rollout.argoproj.io/revision").asText()).isEqualTo("2");
    assertThat(second.path("rollout.argoproj.io/revision-history").asText()).isEqualTo("2");
    assertThat(annotations("notes-" + h1).path("team").asText()).as("only the new ReplicaSet follows")
        .isEqualTo("payments");
    assertThat(annotations("notes-" + h1).has("owner")).isFalse();
  }
}
