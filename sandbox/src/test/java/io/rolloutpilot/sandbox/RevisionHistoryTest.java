package io.rolloutpilot.sandbox;

import static io.rolloutpilot.sandbox.TestRollouts.await;
import static io.rolloutpilot.sandbox.TestRollouts.phase;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.rolloutpilot.sandbox.sim.ControllerSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.rolloutpilot.sandbox.junit.SandboxPart;
import io.rolloutpilot.sandbox.junit.SandboxTest;
import org.junit.jupiter.api.Test;

/** spec.revisionHistoryLimit: which old ReplicaSets (and AnalysisRuns) are deleted, and which are kept. */
@SandboxTest(podReadyDelayMillis = 20)
class RevisionHistoryTest {
  static final String ANALYSIS_STEP = "- analysis: {templates: [{templateName: success-rate}]}";
  @SandboxPart
  static Sandbox sandbox;
  @SandboxPart
  static KubernetesClient client;
  @SandboxPart
  static ControllerSimulator sim;


  /** Releases the image through its analysis step, in a ReplicaSet younger than the stable one. */
  static String release(String rollout, String image) {
    String before = TestRollouts.rollout(client, rollout).path("status").path("stableRS").asText();
    TestRollouts.awaitNextSecond(client, rollout + "-" + before);
    TestRollouts.setImage(client, rollout, image);
    return await(client, rollout, image + " stable", r -> phase(r, "Healthy", "")
        && !before.equals(r.path("status").path("stableRS").asText())).path("status").path("stableRS").asText();
  }

  static List<String> settledReplicaSets(String rollout, int count) {
    return Polling.until(Duration.ofSeconds(10), Duration.ofMillis(20), () -> {
      sim.enqueue("default", rollout);
      return TestRollouts.replicaSetNames(client, rollout);
    }, names -> names.size() == count, names -> "ReplicaSets left: " + names);
  }

  @Test
  void theOldestCreatedGoFirstSoOneTakenBackByARollbackGoesBeforeYoungerOnes() {
    sandbox.apply(TestRollouts.rolloutYaml("hist", "revisionHistoryLimit: 2", ANALYSIS_STEP));
    String v1 = await(client, "hist", "v1", r -> phase(r, "Healthy", "")).path("status").path("stableRS").asText();
    String v2 = release("hist", "registry.example.com/guestbook:2.0.0");
    String v3 = release("hist", "registry.example.com/guestbook:3.0.0");
    TestRollouts.undoTo(client, "hist", "hist-" + v1);
    await(client, "hist", "v1 stable again", r -> phase(r, "Healthy", "")
        && v1.equals(r.path("status").path("stableRS").asText()));
    assertThat(TestRollouts.runNames(client, "hist")).anyMatch(n -> n.startsWith("hist-" + v1 + "-4-"));

    String v4 = release("hist", "registry.example.com/guestbook:4.0.0");
    // Three old ReplicaSets, two allowed: v1 has revision 4 (v2 and v3 have 2 and 3), but it was
    // created first, so it is the one deleted.
    assertThat(settledReplicaSets("hist", 3)).containsExactlyInAnyOrder("hist-" + v2, "hist-" + v3, "hist-" + v4);
    assertThat(sim.awaitIdle(Duration.ofSeconds(5))).isTrue();
    assertThat(TestRollouts.runNames(client, "hist")).as("the runs of the deleted ReplicaSet went with it")
        .noneMatch(n -> n.contains(v1)).anyMatch(n -> n.contains(v2)).anyMatch(n -> n.contains(v4));
  }

  @Test
  void aReplicaSetStillHoldingReplicasIsKeptBeyondTheLimitUntilItIsScaledDown() {
    sandbox.apply(TestRollouts.rolloutYaml("held", "revisionHistoryLimit: 0",
        TestRollouts.NGINX.formatted("held") + "scaleDownDelaySeconds: 2\n", ANALYSIS_STEP));
    String v1 = await(client, "held", "v1", r -> phase(r, "Healthy", "")).path("status").path("stableRS").asText();
    String v2 = release("held", "registry.example.com/guestbook:2.0.0");
    await(client, "held", "v1 waiting out its delay", r -> !TestRollouts.replicaSet(client, "held-" + v1)
        .path("metadata").path("annotations").path("scale-down-deadline").asText().isEmpty());
    assertThat(sim.awaitIdle(Duration.ofSeconds(5))).isTrue();
    assertThat(TestRollouts.replicaSetNames(client, "held")).as("over the limit of 0, but it still has pods")
        .containsExactlyInAnyOrder("held-" + v1, "held-" + v2);
    assertThat(settledReplicaSets("held", 1)).containsExactly("held-" + v2);
  }
}
