package io.rolloutpilot.sandbox;

import static io.rolloutpilot.sandbox.TestRollouts.await;
import static io.rolloutpilot.sandbox.TestRollouts.condition;
import static io.rolloutpilot.sandbox.TestRollouts.index;
import static io.rolloutpilot.sandbox.TestRollouts.phase;
import static io.rolloutpilot.sandbox.TestRollouts.rollout;
import static io.rolloutpilot.sandbox.TestRollouts.setImage;
import static io.rolloutpilot.sandbox.TestRollouts.statusPatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.rolloutpilot.core.rollout.PhaseStatus;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutPhase;
import io.rolloutpilot.core.rollout.RolloutPhases;
import io.rolloutpilot.sandbox.sim.AnalysisOutcome;
import io.rolloutpilot.sandbox.sim.AnalysisOutcomePolicy;
import io.rolloutpilot.sandbox.sim.ControllerSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import io.rolloutpilot.sandbox.junit.SandboxPart;
import io.rolloutpilot.sandbox.junit.SandboxTest;
import org.junit.jupiter.api.Test;

/** A release step by step as Argo's controller walks it, driven with the CLI's own request bodies. */
@SandboxTest(podReadyDelayMillis = 50)
class ControllerSimulatorTest {
  static final String FAILED_MSG = "Metric \"success-rate\" assessed Failed due to failed (1) > failureLimit (0)";
  @SandboxPart
  static Sandbox sandbox;
  @SandboxPart
  static KubernetesClient client;
  @SandboxPart
  static ControllerSimulator sim;


  private static JsonNode deployHealthy(String name, String extraSpec, String steps) {
    sandbox.apply(TestRollouts.rolloutYaml(name, extraSpec, steps));
    return await(client, name, "initial deploy Healthy", ro -> phase(ro, "Healthy", "")
        && !ro.path("status").path("stableRS").asText().isEmpty());
  }

  private static JsonNode rs(String name) {
    return TestRollouts.get(client, TestRollouts.REPLICA_SETS, name);
  }

  private static JsonNode run(String name) {
    return TestRollouts.get(client, TestRollouts.ANALYSIS_RUNS, name);
  }

  private static String stepRun(JsonNode ro) {
    return ro.path("status").path("canary").path("currentStepAnalysisRunStatus").path("name").asText();
  }

  @Test
  void workedTraceFromInitialDeployToNewStable() {
    JsonNode ro = deployHealthy("trace", "", TestRollouts.TRACE_STEPS);
    String h1 = ro.path("status").path("stableRS").asText();
    assertThat(index(ro)).isEqualTo(5);
    assertThat(ro.path("status").path("currentPodHash").asText()).isEqualTo(h1);
    assertThat(ro.path("status").path("observedGeneration").isTextual()).isTrue();
    assertThat(condition(ro, "Healthy").path("status").asText()).isEqualTo("True");
    assertThat(condition(ro, "Completed").path("status").asText()).isEqualTo("True");
    assertThat(ro.path("status").path("selector").asText()).isEqualTo("app=trace");
    JsonNode rs1 = rs("trace-" + h1);
    assertThat(rs1.path("metadata").path("annotations").path("rollout.argoproj.io/revision").asText()).isEqualTo("1");
    assertThat(rs1.path("metadata").path("labels").path("rollouts-pod-template-hash").asText()).isEqualTo(h1);
    assertThat(rs1.path("spec").path("template").path("metadata").path("labels").path("app").asText()).isEqualTo("trace");
    JsonNode owner = rs1.path("metadata").path("ownerReferences").get(0);
    assertThat(owner.path("uid").asText()).isEqualTo(ro.path("metadata").path("uid").asText());
    assertThat(owner.path("controller").asBoolean() && owner.path("blockOwnerDeletion").asBoolean()).isTrue();

    sim.pause();
    JsonNode updated = setImage(client, "trace", "registry.example.com/guestbook:2.0.0");
    PhaseStatus notObserved = RolloutPhases.clientPhase(Rollout.from(client.genericKubernetesResources(
        TestRollouts.ROLLOUTS).inNamespace("default").withName("trace").get()));
    assertThat(notObserved.message()).isEqualTo("waiting for rollout spec update to be observed");
    assertThat(updated.path("metadata").path("generation").asLong()).isEqualTo(2);
    sim.resume();
    sim.setAnalysisOutcomePolicy(AnalysisOutcomePolicy.manual());

    ro = await(client, "trace", "pause step", r -> phase(r, "Paused", "CanaryPauseStep") && index(r) == 1);
    String h2 = ro.path("status").path("currentPodHash").asText();
    assertThat(h2).isNotEqualTo(h1);
    assertThat(ro.path("status").path("controllerPause").asBoolean()).isTrue();
    assertThat(ro.path("status").path("pauseConditions").get(0).path("reason").asText()).isEqualTo("CanaryPauseStep");
    assertThat(ro.path("metadata").path("annotations").path("rollout.argoproj.io/revision").asText()).isEqualTo("2");
    assertThat(rs("trace-" + h2).path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(rs("trace-" + h1).path("spec").path("replicas").asInt()).isEqualTo(4);
    ro = await(client, "trace", "paused conditions", r -> "RolloutPaused".equals(condition(r, "Progressing").path("reason").asText()));
    assertThat(condition(ro, "Progressing").path("status").asText()).isEqualTo("Unknown");
    assertThat(condition(ro, "Paused").path("status").asText()).isEqualTo("True");

    sim.pause();
    statusPatch(client, "trace", "{\"status\":{\"pauseConditions\":null}}");
    PhaseStatus gap = RolloutPhases.clientPhase(Rollout.from(client.genericKubernetesResources(TestRollouts.ROLLOUTS)
        .inNamespace("default").withName("trace").get()));
    assertThat(gap).isEqualTo(new PhaseStatus(RolloutPhase.Progressing, "waiting for rollout to unpause"));
    sim.resume();

    String arName = "trace-" + h2 + "-2-2";
    ro = await(client, "trace", "analysis step", r -> index(r) == 2 && arName.equals(stepRun(r))
        && "Running".equals(r.path("status").path("canary").path("currentStepAnalysisRunStatus").path("status").asText()));
    assertThat(ro.path("status").has("controllerPause")).isFalse();
    JsonNode ar = run(arName);
    assertThat(ar.path("metadata").path("labels").path("rollouts-pod-template-hash").asText()).isEqualTo(h2);
    assertThat(ar.path("metadata").path("labels").path("rollout-type").asText()).isEqualTo("Step");
    assertThat(ar.path("metadata").path("labels").path("step-index").asText()).isEqualTo("2");
    assertThat(ar.path("metadata").path("labels").path("app").asText()).isEqualTo("trace");
    assertThat(ar.path("metadata").path("annotations").path("rollout.argoproj.io/revision").asText()).isEqualTo("2");
    assertThat(ar.path("metadata").path("ownerReferences").get(0).path("kind").asText()).isEqualTo("Rollout");
    assertThat(ar.path("metadata").path("ownerReferences").get(0).path("uid").asText())
        .isEqualTo(ro.path("metadata").path("uid").asText());
    assertThat(ar.path("spec").path("metrics").get(0).path("name").asText()).isEqualTo("success-rate");
    assertThat(ar.path("spec").path("args").get(0).path("value").asText()).isEqualTo("guestbook");

    TestRollouts.mainPatch(client, TestRollouts.ANALYSIS_RUNS, arName, "{\"status\":{\"phase\":\"Successful\"}}");
    ro = await(client, "trace", "timed pause", r -> index(r) == 4 && phase(r, "Paused", "CanaryPauseStep"));
    assertThat(ro.path("status").path("canary").has("currentStepAnalysisRunStatus")).isFalse();
    assertThat(rs("trace-" + h2).path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(rs("trace-" + h1).path("spec").path("replicas").asInt()).isEqualTo(2);

    ro = await(client, "trace", "new stable", Duration.ofSeconds(10), r -> phase(r, "Healthy", "")
        && h2.equals(r.path("status").path("stableRS").asText()));
    assertThat(index(ro)).isEqualTo(5);
    assertThat(condition(ro, "Progressing").path("reason").asText()).isEqualTo("NewReplicaSetAvailable");
    assertThat(rs("trace-" + h1).path("spec").path("replicas").asInt()).isZero();
    assertThat(ro.path("status").path("availableReplicas").asInt()).isEqualTo(5);
  }

  @Test
  void failedAnalysisAbortsThenRetryCreatesDotOneRunThenPromoteFull() {
    deployHealthy("failing", "", "- setWeight: 20\n- analysis: {templates: [{templateName: success-rate}]}\n- pause: {}");
    sim.setAnalysisOutcomePolicy(AnalysisOutcomePolicy.manual());
    setImage(client, "failing", "registry.example.com/guestbook:2.0.0");
    JsonNode ro = await(client, "failing", "analysis run", r -> index(r) == 1 && !stepRun(r).isEmpty());
    String h2 = ro.path("status").path("currentPodHash").asText();
    assertThat(stepRun(ro)).isEqualTo("failing-" + h2 + "-2-1");
    sim.failAnalysisRun("default", stepRun(ro), FAILED_MSG);

    String message = "RolloutAborted: Rollout aborted update to revision 2: Step-based analysis phase error/failed: "
        + FAILED_MSG;
    ro = await(client, "failing", "abort", r -> phase(r, "Degraded", message)
        && rs("failing-" + h2).path("spec").path("replicas").asInt() == 0);
    assertThat(ro.path("status").path("abort").asBoolean()).isTrue();
    assertThat(ro.path("status").path("abortedAt").asText()).isNotEmpty();
    assertThat(index(ro)).isZero();
    assertThat(condition(ro, "Progressing").path("status").asText()).isEqualTo("False");
    assertThat(ro.path("status").path("canary").path("currentStepAnalysisRunStatus").path("status").asText())
        .isEqualTo("Failed");
    String stableRs = "failing-" + ro.path("status").path("stableRS").asText();
    await(client, "failing", "stable back", r -> rs(stableRs).path("spec").path("replicas").asInt() == 5
        && phase(r, "Degraded", message));

    statusPatch(client, "failing", "{\"status\":{\"abort\":false}}");
    String retried = "failing-" + h2 + "-2-1.1";
    ro = await(client, "failing", "retried run", r -> retried.equals(stepRun(r)));
    assertThat(ro.path("status").has("abortedAt")).isFalse();
    assertThat(run(retried).path("metadata").path("labels").path("step-index").asText()).isEqualTo("1");
    sim.succeedAnalysisRun("default", retried);
    await(client, "failing", "pause after analysis", r -> phase(r, "Paused", "CanaryPauseStep"));

    statusPatch(client, "failing", "{\"status\":{\"promoteFull\":true}}");
    ro = await(client, "failing", "full promotion", r -> phase(r, "Healthy", "")
        && h2.equals(r.path("status").path("stableRS").asText()));
    assertThat(ro.path("status").has("promoteFull")).isFalse();
    assertThat(ro.path("status").has("pauseConditions")).isFalse();
  }

  @Test
  void inconclusiveAnalysisPausesUntilPromoted() {
    deployHealthy("unsure", "", "- setWeight: 20\n- analysis: {templates: [{templateName: success-rate}]}\n- setWeight: 60");
    sim.setAnalysisOutcomePolicy(AnalysisOutcomePolicy.always(AnalysisOutcome.inconclusive("Metric \"success-rate\" assessed Inconclusive")));
    setImage(client, "unsure", "registry.example.com/guestbook:2.0.0");
    JsonNode ro = await(client, "unsure", "inconclusive pause", r -> phase(r, "Paused", "InconclusiveAnalysisRun"));
    String h2 = ro.path("status").path("currentPodHash").asText();
    assertThat(ro.path("status").path("pauseConditions").get(0).path("reason").asText()).isEqualTo("InconclusiveAnalysisRun");
    assertThat(ro.path("status").path("controllerPause").asBoolean()).isTrue();
    assertThat(ro.path("status").path("canary").path("currentStepAnalysisRunStatus").path("status").asText())
        .isEqualTo("Inconclusive");
    assertThat(sim.awaitIdle(Duration.ofSeconds(5))).isTrue();
    assertThat(index(rollout(client, "unsure"))).isEqualTo(1);
    assertThat(rs("unsure-" + h2).path("spec").path("replicas").asInt()).isEqualTo(1);

    statusPatch(client, "unsure", "{\"status\":{\"pauseConditions\":null,\"controllerPause\":false,\"currentStepIndex\":2}}");
    ro = await(client, "unsure", "promoted past inconclusive", r -> phase(r, "Healthy", "")
        && h2.equals(r.path("status").path("stableRS").asText()));
    assertThat(ro.path("status").has("pauseConditions")).isFalse();
  }

  @Test
  void backgroundAnalysisErrorAborts() {
    deployHealthy("bg", "", "- setWeight: 20\n- pause: {}\n- setWeight: 60");
    TestRollouts.mainPatch(client, TestRollouts.ROLLOUTS, "bg", "{\"spec\":{\"strategy\":{\"canary\":{\"analysis\":"
        + "{\"templates\":[{\"templateName\":\"success-rate\"}],\"startingStep\":1,\"args\":[{\"name\":\"service-name\",\"value\":\"bg\"}]}}}}}");
    sim.setAnalysisOutcomePolicy(AnalysisOutcomePolicy.manual());
    setImage(client, "bg", "registry.example.com/guestbook:2.0.0");
    JsonNode ro = await(client, "bg", "background run", r -> index(r) == 1
        && !r.path("status").path("canary").path("currentBackgroundAnalysisRunStatus").path("name").asText().isEmpty());
    String h2 = ro.path("status").path("currentPodHash").asText();
    String name = ro.path("status").path("canary").path("currentBackgroundAnalysisRunStatus").path("name").asText();
    assertThat(name).isEqualTo("bg-" + h2 + "-2");
    JsonNode ar = run(name);
    assertThat(ar.path("metadata").path("labels").path("rollout-type").asText()).isEqualTo("Background");
    assertThat(ar.path("metadata").path("labels").has("step-index")).isFalse();
    sim.errorAnalysisRun("default", name, "boom");
    await(client, "bg", "background abort", r -> phase(r, "Degraded",
        "RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: boom"));
  }

  @Test
  void undoToStableMidUpdateFastTracks() {
    JsonNode ro = deployHealthy("undo", "", TestRollouts.TRACE_STEPS);
    String h1 = ro.path("status").path("stableRS").asText();
    setImage(client, "undo", "registry.example.com/guestbook:2.0.0");
    ro = await(client, "undo", "pause step", r -> phase(r, "Paused", "CanaryPauseStep"));
    String h2 = ro.path("status").path("currentPodHash").asText();
    ObjectNode template = (ObjectNode) rs("undo-" + h1).path("spec").path("template").deepCopy();
    ((ObjectNode) template.path("metadata").path("labels")).remove("rollouts-pod-template-hash");
    TestRollouts.jsonPatch(client, "undo", "[{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":" + template + "}]");
    ro = await(client, "undo", "fast-track", r -> phase(r, "Healthy", "") && h1.equals(r.path("status").path("currentPodHash").asText())
        && rs("undo-" + h2).path("spec").path("replicas").asInt() == 0);
    assertThat(index(ro)).isEqualTo(5);
    assertThat(ro.path("status").path("stableRS").asText()).isEqualTo(h1);
    assertThat(ro.path("status").has("pauseConditions")).isFalse();
    JsonNode revived = rs("undo-" + h1).path("metadata").path("annotations");
    assertThat(revived.path("rollout.argoproj.io/revision").asText()).isEqualTo("3");
    assertThat(revived.path("rollout.argoproj.io/revision-history").asText()).isEqualTo("1");
    assertThat(ro.path("metadata").path("annotations").path("rollout.argoproj.io/revision").asText()).isEqualTo("3");
    assertThat(client.genericKubernetesResources(TestRollouts.ANALYSIS_RUNS).inNamespace("default").list().getItems())
        .noneMatch(r -> r.getMetadata().getName().startsWith("undo-"));
  }

  @Test
  void progressDeadlineExceededDegradesAndRecovers() {
    deployHealthy("deadline", "progressDeadlineSeconds: 1", "- setWeight: 20\n- pause: {}");
    sim.setPodReadyDelay(Duration.ofHours(1));
    setImage(client, "deadline", "registry.example.com/guestbook:2.0.0");
    JsonNode ro = await(client, "deadline", "deadline exceeded", r -> phase(r, "Degraded", null));
    String h2 = ro.path("status").path("currentPodHash").asText();
    assertThat(ro.path("status").path("message").asText())
        .isEqualTo("ProgressDeadlineExceeded: ReplicaSet \"deadline-" + h2 + "\" has timed out progressing.");
    assertThat(condition(ro, "Progressing").path("status").asText()).isEqualTo("False");
    assertThat(ro.path("status").path("abort").asBoolean()).isFalse();
    sim.setPodReadyDelay(Duration.ofMillis(50));
    sim.markPodsReady("default", "deadline");
    await(client, "deadline", "recovered to pause", r -> phase(r, "Paused", "CanaryPauseStep"));
  }

  @Test
  void trafficRoutedWeightsAndUserAbort() {
    String extra = "";
    deployHealthy("tr", extra, "- setWeight: 20\n- pause: {}");
    TestRollouts.mainPatch(client, TestRollouts.ROLLOUTS, "tr", "{\"spec\":{\"strategy\":{\"canary\":{\"canaryService\":\"tr-canary\","
        + "\"stableService\":\"tr-stable\",\"abortScaleDownDelaySeconds\":1,\"trafficRouting\":{\"nginx\":{\"stableIngress\":\"tr\"}}}}}}");
    setImage(client, "tr", "registry.example.com/guestbook:2.0.0");
    JsonNode ro = await(client, "tr", "paused with weights", r -> phase(r, "Paused", "CanaryPauseStep"));
    String h2 = ro.path("status").path("currentPodHash").asText();
    String h1 = ro.path("status").path("stableRS").asText();
    JsonNode weights = ro.path("status").path("canary").path("weights");
    assertThat(weights.path("canary").path("weight").asInt()).isEqualTo(20);
    assertThat(weights.path("canary").path("serviceName").asText()).isEqualTo("tr-canary");
    assertThat(weights.path("canary").path("podTemplateHash").asText()).isEqualTo(h2);
    assertThat(weights.path("stable").path("weight").asInt()).isEqualTo(80);
    assertThat(rs("tr-" + h2).path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(rs("tr-" + h1).path("spec").path("replicas").asInt()).isEqualTo(5);

    statusPatch(client, "tr", "{\"status\":{\"abort\":true}}");
    ro = await(client, "tr", "aborted", r -> phase(r, "Degraded", "RolloutAborted: Rollout aborted update to revision 2")
        && rs("tr-" + h2).path("spec").path("replicas").asInt() == 0);
    assertThat(ro.path("status").path("canary").path("weights").path("canary").path("weight").asInt()).isZero();
    assertThat(ro.path("status").path("canary").path("weights").path("stable").path("weight").asInt()).isEqualTo(100);
    assertThat(ro.path("status").has("pauseConditions")).isFalse();
  }

  @Test
  void manualPauseHaltsAndShowsManuallyPaused() {
    deployHealthy("manual", "", "- setWeight: 40\n- pause: {duration: 1}");
    TestRollouts.mainPatch(client, TestRollouts.ROLLOUTS, "manual", "{\"spec\":{\"paused\":true}}");
    setImage(client, "manual", "registry.example.com/guestbook:2.0.0");
    JsonNode ro = await(client, "manual", "manually paused", r -> phase(r, "Paused", "manually paused"));
    assertThat(sim.awaitIdle(Duration.ofSeconds(5))).isTrue();
    String h2 = rollout(client, "manual").path("status").path("currentPodHash").asText();
    assertThat(rs("manual-" + h2).path("spec").path("replicas").asInt()).isZero();
    TestRollouts.mainPatch(client, TestRollouts.ROLLOUTS, "manual", "{\"spec\":{\"paused\":false}}");
    await(client, "manual", "healthy after unpause and timed pause", r -> phase(r, "Healthy", "")
        && h2.equals(r.path("status").path("stableRS").asText()));
  }

  @Test
  void userAbortAtPauseStepOfBasicCanaryThenRetryPausesAgain() {
    deployHealthy("uabort", "", "- setWeight: 50\n- pause: {}");
    setImage(client, "uabort", "registry.example.com/guestbook:2.0.0");
    JsonNode ro = await(client, "uabort", "pause", r -> phase(r, "Paused", "CanaryPauseStep"));
    String h2 = ro.path("status").path("currentPodHash").asText();
    statusPatch(client, "uabort", "{\"status\":{\"abort\":true}}");
    ro = await(client, "uabort", "aborted", r -> phase(r, "Degraded", "RolloutAborted: Rollout aborted update to revision 2")
        && rs("uabort-" + h2).path("spec").path("replicas").asInt() == 0);
    assertThat(ro.path("status").has("controllerPause")).isFalse();
    assertThat(index(ro)).isZero();
    statusPatch(client, "uabort", "{\"status\":{\"abort\":false}}");
    ro = await(client, "uabort", "paused again", r -> phase(r, "Paused", "CanaryPauseStep") && index(r) == 1);
    assertThat(ro.path("status").has("abort")).isFalse();
    assertThat(rs("uabort-" + h2).path("spec").path("replicas").asInt()).isEqualTo(3);
  }
}
