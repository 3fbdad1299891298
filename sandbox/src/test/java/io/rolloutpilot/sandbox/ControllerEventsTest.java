package io.rolloutpilot.sandbox;

import static io.rolloutpilot.sandbox.TestRollouts.await;
import static io.rolloutpilot.sandbox.TestRollouts.phase;
import static io.rolloutpilot.sandbox.TestRollouts.setImage;
import static io.rolloutpilot.sandbox.TestRollouts.statusPatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.rolloutpilot.sandbox.sim.AnalysisOutcomePolicy;
import io.rolloutpilot.sandbox.sim.ControllerSimulator;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.rolloutpilot.sandbox.junit.SandboxPart;
import io.rolloutpilot.sandbox.junit.SandboxTest;
import org.junit.jupiter.api.Test;

/** The controller's Kubernetes Events, as kubectl get events shows them after a release. */
@SandboxTest(podReadyDelayMillis = 20, analysisMillis = -1)
class ControllerEventsTest {
  @SandboxPart
  static Sandbox sandbox;
  @SandboxPart
  static KubernetesClient client;
  @SandboxPart
  static ControllerSimulator sim;


  /** The Rollout's events oldest first (their names end in the hex nanoseconds they were made at). */
  static List<JsonNode> events(String rollout) {
    return events(client, rollout);
  }

  static List<JsonNode> events(KubernetesClient client, String rollout) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .<JsonNode>map(e -> TestRollouts.MAPPER.valueToTree(e))
        .filter(e -> rollout.equals(e.path("involvedObject").path("name").asText()))
        .sorted(Comparator.comparing(e -> e.path("metadata").path("name").asText())).toList();
  }

  static List<JsonNode> awaitEvents(String rollout, String what, Predicate<List<JsonNode>> condition) {
    return Polling.until(Duration.ofSeconds(10), Duration.ofMillis(20), () -> events(rollout), condition,
        last -> "timed out waiting for " + what + "; events: " + summary(last));
  }

  static List<String> summary(List<JsonNode> events) {
    return events.stream().map(e -> e.path("reason").asText() + " x" + e.path("count").asInt() + ": "
        + e.path("message").asText()).toList();
  }

  static boolean has(List<JsonNode> events, String reason, String message) {
    return events.stream().anyMatch(e -> reason.equals(e.path("reason").asText())
        && message.equals(e.path("message").asText()));
  }

  static JsonNode one(List<JsonNode> events, String reason, String message) {
    return events.stream().filter(e -> reason.equals(e.path("reason").asText())
        && message.equals(e.path("message").asText())).findFirst().orElseThrow();
  }

  @Test
  void aReleaseLeavesArgosEventsOnTheRollout() {
    sandbox.apply(TestRollouts.rolloutYaml("events", "", "- setWeight: 40\n- pause: {}\n- pause: {duration: 1}"));
    JsonNode ro = await(client, "events", "initial deploy", r -> phase(r, "Healthy", ""));
    String h1 = ro.path("status").path("stableRS").asText();
    String uid = ro.path("metadata").path("uid").asText();
    setImage(client, "events", "registry.example.com/guestbook:2.0.0");
    ro = await(client, "events", "first pause", r -> phase(r, "Paused", "CanaryPauseStep") && TestRollouts.index(r) == 1);
    String h2 = ro.path("status").path("currentPodHash").asText();
    // A promote clears the pause itself, so only the timed pause's end is a RolloutResumed.
    statusPatch(client, "events", "{\"status\":{\"pauseConditions\":null}}");
    await(client, "events", "promoted", r -> phase(r, "Healthy", "") && h2.equals(r.path("status").path("stableRS").asText()));

    String completed = "Rollout completed update to revision 2 (" + h2 + "): Completed all 3 canary steps";
    List<JsonNode> events = awaitEvents("events", "the completion", e -> has(e, "RolloutCompleted", completed));
    assertReleaseEvents(events, h1, h2, completed);
    assertEventObject(one(events, "RolloutPaused", "Rollout is paused (CanaryPauseStep)"), uid);

    TestRollouts.delete(client, TestRollouts.ROLLOUTS, "events");
    awaitEvents("events", "the deletion", e -> has(e, "RolloutDeleted", "Rollout events/default is deleted."));
  }

  private static void assertReleaseEvents(List<JsonNode> events, String h1, String h2, String completed) {
    assertThat(summary(events)).containsSubsequence(
        "RolloutAddedToInformer x1: Rollout resource added to informer: default/events",
        "RolloutUpdated x1: Rollout updated to revision 1",
        "NewReplicaSetCreated x1: Created ReplicaSet events-" + h1 + " (revision 1)",
        "RolloutNotCompleted x1: Rollout not completed, started update to revision 1 (" + h1 + ")",
        "ScalingReplicaSet x1: Scaled up ReplicaSet events-" + h1 + " (revision 1) from 0 to 5",
        "RolloutCompleted x1: Rollout completed update to revision 1 (" + h1 + "): Initial deploy",
        "RolloutUpdated x1: Rollout updated to revision 2",
        "NewReplicaSetCreated x1: Created ReplicaSet events-" + h2 + " (revision 2)",
        "RolloutNotCompleted x1: Rollout not completed, started update to revision 2 (" + h2 + ")",
        "RolloutStepCompleted x1: Rollout step 1/3 completed (setWeight: 40)",
        "RolloutPaused x2: Rollout is paused (CanaryPauseStep)",
        "RolloutStepCompleted x1: Rollout step 2/3 completed (pause)",
        "RolloutStepCompleted x1: Rollout step 3/3 completed (pause: 1)",
        "RolloutResumed x1: Rollout is resumed",
        "RolloutCompleted x1: " + completed);
    assertThat(summary(events)).contains(
        "ScalingReplicaSet x1: Scaled up ReplicaSet events-" + h2 + " (revision 2) from 0 to 2",
        "ScalingReplicaSet x1: Scaled down ReplicaSet events-" + h1 + " (revision 1) from 5 to 3",
        "ScalingReplicaSet x1: Scaled up ReplicaSet events-" + h2 + " (revision 2) from 2 to 5",
        "ScalingReplicaSet x1: Scaled down ReplicaSet events-" + h1 + " (revision 1) from 3 to 0");
  }

  private static void assertEventObject(JsonNode paused, String uid) {
    assertThat(paused.path("metadata").path("name").asText()).matches("events\\.[0-9a-f]{16}");
    assertThat(paused.path("type").asText()).isEqualTo("Normal");
    assertThat(paused.path("source").path("component").asText()).isEqualTo("rollouts-controller");
    assertThat(paused.path("involvedObject").path("kind").asText()).isEqualTo("Rollout");
    assertThat(paused.path("involvedObject").path("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
    assertThat(paused.path("involvedObject").path("namespace").asText()).isEqualTo("default");
    assertThat(paused.path("involvedObject").path("uid").asText()).isEqualTo(uid);
    assertThat(paused.path("firstTimestamp").asText()).isNotEmpty();
    assertThat(paused.path("lastTimestamp").asText()).isGreaterThanOrEqualTo(paused.path("firstTimestamp").asText());
  }

  @Test
  void aFailedAnalysisLeavesWarnings() {
    sandbox.apply(TestRollouts.rolloutYaml("evfail", "",
        "- setWeight: 40\n- analysis: {templates: [{templateName: success-rate}]}"));
    await(client, "evfail", "initial deploy", r -> phase(r, "Healthy", ""));
    setImage(client, "evfail", "registry.example.com/guestbook:2.0.0");
    JsonNode ro = await(client, "evfail", "analysis running", r -> "Running".equals(
        r.path("status").path("canary").path("currentStepAnalysisRunStatus").path("status").asText()));
    String run = ro.path("status").path("canary").path("currentStepAnalysisRunStatus").path("name").asText();
    sim.failAnalysisRun("default", run, "boom");
    String aborted = "Rollout aborted update to revision 2: Step-based analysis phase error/failed: boom";
    List<JsonNode> events = awaitEvents("evfail", "the abort", e -> has(e, "RolloutAborted", aborted));

    assertThat(summary(events)).containsSubsequence(
        "RolloutStepCompleted x1: Rollout step 1/2 completed (setWeight: 40)",
        "AnalysisRunRunning x1: Step Analysis Run '" + run + "' Status New: 'Running' Previous: ''",
        "AnalysisRunFailed x1: Step Analysis Run '" + run + "' Status New: 'Failed' Previous: 'Running'",
        "RolloutAborted x1: " + aborted);
    assertThat(one(events, "RolloutAborted", aborted).path("type").asText()).isEqualTo("Warning");
    assertThat(events).filteredOn(e -> e.path("reason").asText().equals("AnalysisRunFailed"))
        .allMatch(e -> e.path("type").asText().equals("Warning"));
    assertThat(events).filteredOn(e -> e.path("reason").asText().equals("AnalysisRunRunning"))
        .allMatch(e -> e.path("type").asText().equals("Normal"));
  }
}
