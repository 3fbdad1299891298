package io.rolloutpilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolloutpilot.core.rollout.DeployRequest;
import io.rolloutpilot.core.rollout.DeployResult;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutPhase;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.RolloutStatusReport;
import io.rolloutpilot.core.rollout.UndoResult;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.sandbox.sim.AnalysisOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.rolloutpilot.core.error.ErrorKind;
import io.rolloutpilot.core.error.NotFoundException;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.event.RolloutProgressed;
import io.rolloutpilot.sandbox.Polling;

/** Every engine operation on the sandbox, asserting what the status shows and what the follower emitted. */
class RolloutOperationsScenarioTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final EngineFixture fx = new EngineFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private RolloutRef healthy(String name, String... steps) throws Exception {
    RolloutRef ref = fx.createRollout(name, "registry.example.com/shop:1", steps);
    FollowResult initial = fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT), fx.events);
    assertThat(initial.outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    fx.events.clear();
    return ref;
  }

  private DeployResult deploy(RolloutRef ref, String image, WaitTarget target) throws Exception {
    return fx.service.deploy(new DeployRequest(ref, "app", image, target, TIMEOUT, Duration.ZERO), fx.events);
  }

  @Test
  void deployFollowsEveryStepToHealthy() throws Exception {
    RolloutRef ref = healthy("shop", "setWeight: 25", "pause: {duration: 1s}", "setWeight: 75");
    DeployResult result = deploy(ref, "registry.example.com/shop:2", WaitTarget.HEALTHY);

    assertThat(result.follow().outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(result.generation()).isEqualTo(2);
    // before the controller observes the new generation the status still shows the old, finished index
    List<Integer> steps = fx.events.events.stream().filter(RolloutOperationsScenarioTest::observed)
        .map(e -> e.progress().stepIndex()).filter(Objects::nonNull).distinct().toList();
    assertThat(steps).containsSubsequence(0, 1, 2, 3);
    assertThat(fx.events.events).extracting(e -> e.progress().setWeight()).contains(25, 75, 100);
    assertThat(fx.events.lines).contains("Paused - CanaryPauseStep").last().isEqualTo("Healthy");

    RolloutStatusReport status = fx.service.status(ref);
    assertThat(status.phase()).isEqualTo(RolloutPhase.Healthy);
    assertThat(status.stableImages()).containsEntry("app", "registry.example.com/shop:2")
        .containsEntry("sidecar", "registry.example.com/proxy:1");
    assertThat(status.canaryImages()).isEmpty();
    assertThat(status.revision()).isEqualTo(2L);
    assertThat(status.stableHash()).isEqualTo(status.canaryHash()).isNotEmpty();
    assertThat(status.replicas().available()).isEqualTo(4);
  }

  @Test
  void waitingForPausedStopsAtTheManualGateAndPromoteGoesOn() throws Exception {
    RolloutRef ref = healthy("gate", "setWeight: 50", "pause: {}", "setWeight: 100");
    DeployResult atGate = deploy(ref, "registry.example.com/shop:2", WaitTarget.PAUSED_OR_HEALTHY);

    assertThat(atGate.follow().outcome()).isEqualTo(FollowResult.Outcome.PAUSED);
    assertThat(atGate.follow().reason()).isEqualTo("Paused - CanaryPauseStep");
    RolloutStatusReport paused = fx.service.status(ref);
    assertThat(paused.stepIndex()).isEqualTo(1);
    assertThat(paused.setWeight()).isEqualTo(50);
    assertThat(paused.actualWeight()).isEqualTo(50);
    assertThat(paused.canaryImages()).containsEntry("app", "registry.example.com/shop:2");
    assertThat(paused.stableImages()).containsEntry("app", "registry.example.com/shop:1");

    fx.events.clear();
    fx.service.promote(ref, false);
    FollowResult done = fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT), fx.events);
    assertThat(done.outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(fx.events.events).extracting(e -> e.progress().stepIndex()).contains(2, 3);
  }

  @Test
  void failedAnalysisAbortsAndTheDeployFails() throws Exception {
    fx.createAnalysisTemplate("success-rate");
    fx.sandbox.controller().setAnalysisOutcomePolicy(run -> AnalysisOutcome.failed(
        "Metric \"success-rate\" assessed Failed due to failed (1) > failureLimit (0)"));
    RolloutRef ref = healthy("checked", "setWeight: 25", "analysis: {templates: [{templateName: success-rate}]}");
    DeployResult result = deploy(ref, "registry.example.com/shop:bad", WaitTarget.HEALTHY);

    assertThat(result.follow().outcome()).isEqualTo(FollowResult.Outcome.DEGRADED);
    assertThat(result.follow().reason()).isEqualTo("Degraded - RolloutAborted: Rollout aborted update to revision 2:"
        + " Step-based analysis phase error/failed: Metric \"success-rate\" assessed Failed due to failed (1) >"
        + " failureLimit (0)");
    assertThat(fx.events.events).anyMatch(e -> e.progress().analysisRun() != null
        && e.progress().analysisRun().startsWith("checked-"));
    RolloutStatusReport status = fx.service.status(ref);
    assertThat(status.aborted()).isTrue();
    assertThat(status.setWeight()).isZero();
    assertThat(status.stepIndex()).isZero();
  }

  @Test
  void abortThenRetryRunsTheStepsAgain() throws Exception {
    RolloutRef ref = healthy("retry", "setWeight: 50", "pause: {}");
    deploy(ref, "registry.example.com/shop:2", WaitTarget.PAUSED_OR_HEALTHY);

    fx.service.abort(ref);
    FollowResult aborted = fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT), fx.events);
    assertThat(aborted.outcome()).isEqualTo(FollowResult.Outcome.DEGRADED);
    assertThat(aborted.reason()).startsWith("Degraded - RolloutAborted: Rollout aborted update to revision 2");

    Rollout retried = fx.service.retry(ref);
    // the shared watch may not have caught up with our status patch yet; its older states must not count
    FollowResult again = fx.service.follow(FollowRequest.until(ref, WaitTarget.PAUSED_OR_HEALTHY, TIMEOUT)
        .after(retried), fx.events);
    assertThat(again.outcome()).isEqualTo(FollowResult.Outcome.PAUSED);
    assertThat(fx.client.get(ref).status().abort()).isFalse();
  }

  @Test
  void promoteFullSkipsTheRemainingSteps() throws Exception {
    RolloutRef ref = healthy("full", "setWeight: 10", "pause: {}", "setWeight: 50", "pause: {}");
    deploy(ref, "registry.example.com/shop:2", WaitTarget.PAUSED_OR_HEALTHY);
    fx.events.clear();
    Rollout promoted = fx.service.promote(ref, true);
    // the engine's shared watch may still hold the state from before our patch: follow from the patch on
    FollowResult done = fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT).after(promoted),
        fx.events);
    assertThat(done.outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(fx.events.lines).doesNotContain("Paused - CanaryPauseStep");
    assertThat(fx.service.status(ref).stableImages()).containsEntry("app", "registry.example.com/shop:2");
  }

  @Test
  void undoRestoresThePreviousRevision() throws Exception {
    RolloutRef ref = healthy("undo", "setWeight: 50");
    deploy(ref, "registry.example.com/shop:2", WaitTarget.HEALTHY);

    UndoResult undo = fx.service.undo(ref, 0);
    assertThat(undo.revision()).isEqualTo(1);
    assertThat(undo.skipped()).isFalse();
    FollowResult done = fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT)
        .withMinGeneration(undo.rollout().metadata().generation()), fx.events);
    assertThat(done.outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    RolloutStatusReport status = fx.service.status(ref);
    assertThat(status.stableImages()).containsEntry("app", "registry.example.com/shop:1");
    assertThat(status.revision()).isEqualTo(3L);

    assertThat(fx.service.undo(ref, 3).skipped()).isTrue();
    assertThatThrownBy(() -> fx.service.undo(ref, 9)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("revision 9").hasMessageContaining("revision 3").hasMessageContaining("revision 2");
  }

  @Test
  void undoMidUpdateFastTracksBackToStable() throws Exception {
    RolloutRef ref = healthy("fasttrack", "setWeight: 50", "pause: {}", "setWeight: 75");
    deploy(ref, "registry.example.com/shop:2", WaitTarget.PAUSED_OR_HEALTHY);
    fx.events.clear();
    UndoResult undo = fx.service.undo(ref, 0);
    FollowResult done = fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT)
        .withMinGeneration(undo.rollout().metadata().generation()), fx.events);
    assertThat(done.outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(done.rollout().status().currentStepIndex()).isEqualTo(3);
    // fast-track: straight from the pause at step 1 to the end, with no reset to step 0 and no pause
    assertThat(fx.events.events).filteredOn(RolloutOperationsScenarioTest::observed)
        .extracting(e -> e.progress().stepIndex()).containsOnly(3);
    assertThat(fx.events.lines).doesNotContain("Paused - CanaryPauseStep");
  }

  @Test
  void manualPauseAndResume() throws Exception {
    RolloutRef ref = healthy("manual", "setWeight: 50");
    Rollout paused = fx.service.pause(ref);
    assertThat(paused.spec().paused()).isTrue();
    FollowResult atPause = fx.service.follow(FollowRequest.until(ref, WaitTarget.PAUSED_OR_HEALTHY, TIMEOUT)
        .withMinGeneration(paused.metadata().generation()), fx.events);
    assertThat(atPause.reason()).isEqualTo("Paused - manually paused");
    Rollout resumed = fx.service.resume(ref);
    FollowResult healthy = fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT)
        .withMinGeneration(resumed.metadata().generation()), fx.events);
    assertThat(healthy.outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
  }

  @Test
  void statusShowsGenerationNotYetObserved() throws Exception {
    RolloutRef ref = healthy("observe", "setWeight: 50");
    fx.sandbox.controller().pause();
    DeployResult result = deploy(ref, "registry.example.com/shop:2", null);
    RolloutStatusReport status = fx.service.status(ref);
    assertThat(status.generationObserved()).isFalse();
    assertThat(status.phaseStatus().watchLine())
        .isEqualTo("Progressing - waiting for rollout spec update to be observed");
    fx.sandbox.controller().resume();
    FollowResult done = fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT)
        .withMinGeneration(result.generation()), fx.events);
    assertThat(done.outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
  }

  @Test
  void missingRolloutsAndContainersListWhatExists() throws Exception {
    healthy("alpha", "setWeight: 50");
    assertThatThrownBy(() -> fx.service.status(new RolloutRef("default", "nope")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("existing: alpha");
    RolloutRef ref = new RolloutRef("default", "alpha");
    assertThatThrownBy(() -> fx.service.deploy(new DeployRequest(ref, "web", "shop:2", null, null, null),
        fx.events)).isInstanceOf(NotFoundException.class).hasMessageContaining("container 'web'")
        .hasMessageContaining("existing: app, sidecar");
    assertThatThrownBy(() -> fx.service.deploy(new DeployRequest(ref, null, "shop:2", null, null, null),
        fx.events)).isInstanceOf(InvalidInputException.class).hasMessageContaining("2 containers (app, sidecar)");
    assertThat(fx.client.get(ref).metadata().generation()).isEqualTo(1);
  }

  @Test
  void deletionEndsFollowing() throws Exception {
    RolloutRef ref = healthy("doomed", "setWeight: 50", "pause: {}");
    deploy(ref, "registry.example.com/shop:2", WaitTarget.PAUSED_OR_HEALTHY);
    fx.events.clear();
    var pending = new java.util.concurrent.CompletableFuture<FollowResult>();
    Thread follower = new Thread(() -> {
      try {
        pending.complete(fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT), fx.events));
      } catch (Exception e) {
        pending.completeExceptionally(e);
      }
    });
    follower.start();
    // the follow has subscribed once it reported the first state it saw
    Polling.until(Duration.ofSeconds(10), Duration.ofMillis(10), () -> fx.events.events.size(), n -> n > 0,
        n -> "the follow never reported a state");
    fx.sandbox.client().genericKubernetesResources(io.rolloutpilot.core.rollout.ArgoResources.ROLLOUTS)
        .inNamespace("default").withName("doomed").delete();
    assertThat(pending.get(10, java.util.concurrent.TimeUnit.SECONDS).outcome())
        .isEqualTo(FollowResult.Outcome.DELETED);
  }

  @Test
  void clusterErrorsAreClassified() {
    assertThatThrownBy(() -> fx.service.status(new RolloutRef("elsewhere", "x")))
        .isInstanceOf(NotFoundException.class).extracting(e -> ((RolloutPilotException) e).kind())
        .isEqualTo(ErrorKind.NOT_FOUND);
  }

  private static boolean observed(RolloutProgressed event) {
    return !event.progress().phase().message().equals("waiting for rollout spec update to be observed");
  }
}
