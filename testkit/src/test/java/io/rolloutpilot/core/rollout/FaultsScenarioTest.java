package io.rolloutpilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.DeployRequest;
import io.rolloutpilot.core.rollout.DeployResult;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutClient;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.sandbox.SandboxOptions;
import io.rolloutpilot.sandbox.faults.FaultInjector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.rolloutpilot.core.error.ConflictException;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.error.UnauthorizedException;
import io.rolloutpilot.core.error.UnreachableException;
import io.rolloutpilot.core.kube.ClusterAccess;
import io.rolloutpilot.sandbox.Polling;

/** Faults injected into the sandbox's API server: nothing is missed, no update is lost, errors are clear. */
class FaultsScenarioTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String ROLLOUT_PATH = "/rollouts/shop($|\\?)";
  private EngineFixture fx = new EngineFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private RolloutRef healthyShop(String... steps) throws Exception {
    RolloutRef ref = fx.createRollout("shop", "registry.example.com/shop:1", steps);
    assertThat(fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT), fx.events).outcome())
        .isEqualTo(FollowResult.Outcome.HEALTHY);
    fx.sandbox.faults().resetCounts();
    return ref;
  }

  private FaultInjector faults() {
    return fx.sandbox.faults();
  }

  @Test
  void serverErrorsAndThrottlingAreRetried() throws Exception {
    RolloutRef ref = healthyShop("setWeight: 50");
    faults().failNext(2, "GET", ROLLOUT_PATH, 503).throttleNext(1, "GET", ROLLOUT_PATH, Duration.ofSeconds(1));
    assertThat(fx.service.status(ref).phase().name()).isEqualTo("Healthy");
    assertThat(faults().requestCount("GET", ROLLOUT_PATH)).isEqualTo(4);
    assertThat(faults().pendingFaults()).isZero();
  }

  @Test
  void aConnectionResetIsRetriedAndTheUpdateLandsOnce() throws Exception {
    RolloutRef ref = healthyShop("setWeight: 50");
    faults().resetNext(1, "PUT", ROLLOUT_PATH);
    DeployResult result = fx.service.deploy(new DeployRequest(ref, "app", "registry.example.com/shop:2",
        WaitTarget.HEALTHY, TIMEOUT, Duration.ZERO), fx.events);
    assertThat(result.follow().outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(result.generation()).isEqualTo(2);
    assertThat(fx.client.get(ref).spec().images()).containsEntry("app", "registry.example.com/shop:2");
  }

  @Test
  void persistentServerErrorsGiveUpWithinBounds() throws Exception {
    RolloutRef ref = healthyShop("setWeight: 50");
    faults().failNext(50, "GET", ROLLOUT_PATH, 500);
    long start = System.nanoTime();
    assertThatThrownBy(() -> fx.service.status(ref)).isInstanceOf(UnreachableException.class)
        .hasMessageContaining("kept failing (500) after 5 retries")
        .extracting(e -> ((RolloutPilotException) e).retryable()).isEqualTo(true);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(faults().requestCount("GET", ROLLOUT_PATH)).isEqualTo(1 + ClusterConnection.RETRY_LIMIT);
  }

  @Test
  void conflictsAreRetriedUpToFiveTimesThenFailClearly() throws Exception {
    RolloutRef ref = healthyShop("setWeight: 50");
    faults().failNext(2, "PUT", ROLLOUT_PATH, 409);
    Rollout updated = fx.client.setImage(ref, "app", "registry.example.com/shop:2");
    assertThat(updated.spec().images()).containsEntry("app", "registry.example.com/shop:2");
    assertThat(faults().requestCount("PUT", ROLLOUT_PATH)).isEqualTo(3);

    faults().failNext(6, "PUT", ROLLOUT_PATH, 409);
    assertThatThrownBy(() -> fx.client.setImage(ref, "app", "registry.example.com/shop:3"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("gave up after 6 attempts");
    assertThat(fx.client.get(ref).spec().images()).containsEntry("app", "registry.example.com/shop:2");
  }

  @Test
  void concurrentDeploysBothLandInOrder() throws Exception {
    RolloutRef ref = healthyShop("setWeight: 50");
    fx.sandbox.controller().pause();
    List<String> images = List.of("registry.example.com/shop:2", "registry.example.com/shop:3");
    List<CompletableFuture<Rollout>> writers = images.stream().map(image -> CompletableFuture.supplyAsync(
        () -> fx.client.setImage(ref, "app", image))).toList();
    List<Rollout> results = writers.stream().map(CompletableFuture::join).toList();

    assertThat(results).extracting(r -> r.metadata().generation()).containsExactlyInAnyOrder(2L, 3L);
    Rollout last = results.stream().filter(r -> r.metadata().generation() == 3).findFirst().orElseThrow();
    assertThat(fx.client.get(ref).spec().images()).isEqualTo(last.spec().images());
    assertThat(fx.client.get(ref).metadata().generation()).isEqualTo(3);
  }

  @Test
  void aDroppedWatchIsResumedWithoutMissingChanges() throws Exception {
    RolloutRef ref = healthyShop("setWeight: 50", "pause: {}", "setWeight: 75");
    CompletableFuture<FollowResult> following = followFromTheGate(ref);
    assertThat(faults().dropWatches()).isPositive();
    fx.service.promote(ref, false);
    FollowResult result = following.get(30, TimeUnit.SECONDS);
    assertThat(result.outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(fx.events.events).extracting(e -> e.progress().stepIndex()).contains(3);
  }

  @Test
  void aTerminalStateReachedWhileDisconnectedIsStillSeen() throws Exception {
    RolloutRef ref = healthyShop("setWeight: 50", "pause: {}", "setWeight: 75");
    CompletableFuture<FollowResult> following = followFromTheGate(ref);
    // keep the follower away long enough for the rollout to finish without it
    faults().failNext(3, "WATCH", "rollouts", 503);
    faults().dropWatches();
    fx.service.promote(ref, true);
    awaitHealthyOnTheServer(ref);
    FollowResult result = following.get(30, TimeUnit.SECONDS);
    assertThat(result.outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(result.rollout().spec().images()).containsEntry("app", "registry.example.com/shop:2");
  }

  private void awaitHealthyOnTheServer(RolloutRef ref) {
    Polling.until(Duration.ofSeconds(5), Duration.ofMillis(25), () -> fx.client.get(ref).status().phase(),
        "Healthy"::equals, phase -> "the rollout is still " + phase);
  }

  @Test
  void goneOnResumeRelistsAndStillSeesTheTerminalState() throws Exception {
    RolloutRef ref = healthyShop("setWeight: 50", "pause: {}", "setWeight: 75");
    CompletableFuture<FollowResult> following = followFromTheGate(ref);
    faults().expireNextWatches(1, "rollouts", FaultInjector.GoneMode.ERROR_EVENT);
    faults().dropWatches();
    fx.service.promote(ref, true);
    FollowResult result = following.get(30, TimeUnit.SECONDS);
    assertThat(result.outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(result.rollout().spec().images()).containsEntry("app", "registry.example.com/shop:2");
  }

  @Test
  void unauthorizedNamesTheCredentialSourceButNeverTheToken() throws Exception {
    fx.close();
    fx = new EngineFixture(SandboxOptions.defaults().withToken("s3cr3t-token-value"));
    java.nio.file.Path kubeconfig = java.nio.file.Files.createTempFile("rp", ".kubeconfig");
    java.nio.file.Files.writeString(kubeconfig, java.nio.file.Files.readString(fx.sandbox.writeKubeconfig(kubeconfig))
        .replace("s3cr3t-token-value", "wrong-token-value"));
    try (ClusterConnection wrong = ClusterConnection.open(new ClusterAccess.Kubeconfig(kubeconfig, null, "default"))) {
      assertThatThrownBy(() -> new RolloutClient(wrong).get(new RolloutRef("default", "shop")))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessageContaining("unauthorized (401)").hasMessageContaining("a bearer token from kubeconfig context")
          .hasMessageNotContaining("wrong-token-value").hasMessageNotContaining("s3cr3t-token-value");
    }
    faults().setForbidden(true);
    assertThatThrownBy(() -> fx.client.get(new RolloutRef("default", "shop"))).isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("forbidden (403)").hasMessageNotContaining("s3cr3t-token-value")
        .extracting(e -> ((RolloutPilotException) e).hint().orElseThrow()).isEqualTo(Hint.GRANT_KUBE_PERMISSION);
  }

  /** Deploys shop:2 to its manual gate, then follows it to Healthy in the background over an open watch. */
  private CompletableFuture<FollowResult> followFromTheGate(RolloutRef ref) throws Exception {
    fx.service.deploy(new DeployRequest(ref, "app", "registry.example.com/shop:2", WaitTarget.PAUSED_OR_HEALTHY,
        TIMEOUT, Duration.ZERO), fx.events);
    CompletableFuture<FollowResult> following = followInBackground(ref);
    awaitOpenWatches();
    return following;
  }

  private CompletableFuture<FollowResult> followInBackground(RolloutRef ref) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return fx.service.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, TIMEOUT), fx.events);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private void awaitOpenWatches() {
    Polling.until(Duration.ofSeconds(5), Duration.ofMillis(50), () -> faults().openWatchCount(), n -> n > 0,
        n -> "no watch opened");
  }
}
