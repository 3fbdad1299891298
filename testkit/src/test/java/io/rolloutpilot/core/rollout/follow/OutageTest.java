package io.rolloutpilot.core.rollout.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolloutpilot.core.error.UnreachableException;
import io.rolloutpilot.core.event.RolloutProgressed;
import io.rolloutpilot.core.event.ServerReachable;
import io.rolloutpilot.core.event.ServerUnreachable;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.sandbox.Polling;
import io.rolloutpilot.testkit.kube.ProxyMode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API server dies, stalls or never answers while a Rollout is followed: the follower says so, rides
 * out a short outage, and gives up within its limits with an environment error instead of waiting forever.
 */
class OutageTest {
  private final ProxiedEngine fx = new ProxiedEngine();

  @AfterEach
  void close() {
    fx.close();
  }

  private CompletableFuture<FollowResult> follow(RolloutRef ref, Duration timeout, Duration maxOutage) {
    FollowRequest request = FollowRequest.until(ref, WaitTarget.HEALTHY, timeout).withMaxOutage(maxOutage);
    return CompletableFuture.supplyAsync(() -> {
      try {
        return fx.follower.follow(request, fx.events);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void aServerThatDiesAndComesBackIsReportedBothWaysAndFollowingGoesOn() throws Exception {
    RolloutRef ref = fx.atTheGate("revived");
    CompletableFuture<FollowResult> following = follow(ref, Duration.ofSeconds(60), Duration.ofMinutes(2));
    fx.awaitWatching();

    fx.proxy.kill();
    ServerUnreachable lost = fx.events.await(ServerUnreachable.class, Duration.ofSeconds(10));
    fx.proxy.revive();
    ServerReachable back = fx.events.await(ServerReachable.class, Duration.ofSeconds(40));
    fx.direct.rollouts().promote(ref, true);

    assertThat(following.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(lost.server()).isEqualTo("Kubernetes API");
    assertThat(lost.cause()).contains("watch of rollouts in namespace default was lost");
    assertThat(lost.giveUpAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(back.outage()).isPositive();
    assertThat(fx.events.names()).containsSubsequence("RolloutProgressed", "ServerUnreachable", "ServerReachable",
        "RolloutProgressed");
  }

  @Test
  void anOutageLongerThanAllowedEndsFollowingWithAnEnvironmentErrorEvenWithoutATimeout() throws Exception {
    RolloutRef ref = fx.atTheGate("gone");
    CompletableFuture<FollowResult> following = follow(ref, Duration.ZERO, Duration.ofSeconds(2));
    fx.awaitWatching();

    long killed = System.nanoTime();
    fx.proxy.kill();

    assertThatThrownBy(() -> following.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(UnreachableException.class)
        .hasMessageContaining("follow rollout default/gone: the API server has been unreachable for")
        .hasMessageContaining("longer than the 2s allowed; the rollout's outcome is unknown");
    Duration took = Duration.ofNanos(System.nanoTime() - killed);
    assertThat(took).isBetween(Duration.ofSeconds(2), NamespaceWatch.LOSS_GRACE.plusSeconds(6));
    assertThat(fx.events.await(ServerUnreachable.class, Duration.ofSeconds(1)).giveUpAfter())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void theTimeoutDuringAnOutageIsAnEnvironmentErrorNotATimedOutRelease() throws Exception {
    RolloutRef ref = fx.atTheGate("deadline");
    long started = System.nanoTime();
    CompletableFuture<FollowResult> following = follow(ref, Duration.ofSeconds(6), Duration.ofMinutes(2));
    fx.awaitWatching();
    fx.proxy.kill();

    assertThatThrownBy(() -> following.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(UnreachableException.class)
        .hasMessageContaining("had been unreachable for").hasMessageContaining("when the time given (6s) ran out");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(10));
  }

  @Test
  void aServerThatNeverAnswersTheFirstListIsBoundedByTheTimeout() throws Exception {
    RolloutRef ref = fx.atTheGate("silent");
    fx.proxy.mode(new ProxyMode.Silent());
    long started = System.nanoTime();

    assertThatThrownBy(() -> follow(ref, Duration.ofSeconds(3), Duration.ofMinutes(2)).get(30, TimeUnit.SECONDS))
        .cause().isInstanceOf(UnreachableException.class)
        .hasMessageContaining("did not answer within 3s, the time given for the whole operation");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
  }

  @Test
  void aShortGapInTheWatchIsNoOutage() throws Exception {
    RolloutRef ref = fx.atTheGate("blip");
    CompletableFuture<FollowResult> following = follow(ref, Duration.ofSeconds(60), Duration.ofMinutes(2));
    fx.awaitWatching();

    fx.sandbox.faults().dropWatches(); // the informer reconnects at once, as it does when it renews its watch
    fx.direct.rollouts().promote(ref, true);

    assertThat(following.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(fx.events.count(ServerUnreachable.class)).isZero();
    assertThat(fx.events.count(RolloutProgressed.class)).isPositive();
  }

  /** What a controller running for months needs: a follow that ended, however it ended, leaves no timer queued. */
  @Test
  void everyTimerIsReleasedWhenFollowingEnds() throws Exception {
    RolloutRef healthy = fx.atTheGate("released");
    RolloutRef lost = fx.atTheGate("released-lost");

    CompletableFuture<FollowResult> first = fx.follower.start(FollowRequest.until(healthy, WaitTarget.HEALTHY,
        Duration.ofMinutes(5)).withMaxOutage(Duration.ofMinutes(5)), fx.events);
    fx.awaitWatching();
    assertThat(fx.timers.getQueue()).isNotEmpty(); // the deadline and the watch check
    fx.direct.rollouts().promote(healthy, true);
    assertThat(first.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    awaitNoTimers();

    CompletableFuture<FollowResult> second = fx.follower.start(FollowRequest.until(lost, WaitTarget.HEALTHY,
        Duration.ofMinutes(5)).withMaxOutage(Duration.ofSeconds(1)), fx.events);
    fx.awaitWatching();
    fx.proxy.kill();
    assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(UnreachableException.class);
    awaitNoTimers();
  }

  private void awaitNoTimers() {
    Polling.until(Duration.ofSeconds(5), Duration.ofMillis(20), () -> fx.timers.getQueue().size(), size -> size == 0,
        size -> size + " timer(s) still queued after following ended");
  }
}
