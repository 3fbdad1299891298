package io.rolloutpilot.core.rollout.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.rolloutpilot.core.error.UnreachableException;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.RolloutProgressed;
import io.rolloutpilot.core.event.DegradedGraceStarted;

/** The stop rules of following, fed states directly; the sandbox scenario tests cover the watch itself. */
class FollowSessionTest {
  private static final RolloutRef REF = new RolloutRef("default", "guestbook");
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final EngineListener listener = event -> {
    if (event instanceof RolloutProgressed progressed) {
      lines.add(progressed.progress().phase().watchLine());
    } else if (event instanceof DegradedGraceStarted started) {
      lines.add("notice: DegradedGraceStarted " + started.grace().toSeconds() + "s");
    } else {
      lines.add("notice: " + event.getClass().getSimpleName());
    }
  };

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  private FollowSession session(WaitTarget target, Duration timeout, Duration grace, long minGeneration) {
    FollowSession session = new FollowSession(new FollowRequest(REF, target, timeout, grace, minGeneration), listener,
        timers, Clock.systemUTC());
    session.start();
    return session;
  }

  private static Rollout state(long generation, String phase, String message, boolean abort) throws Exception {
    String json = "{\"metadata\":{\"name\":\"guestbook\",\"namespace\":\"default\",\"generation\":" + generation
        + "},\"spec\":{\"replicas\":1,\"strategy\":{\"canary\":{\"steps\":[{\"pause\":{}}]}}},\"status\":{\"phase\":\""
        + phase + "\",\"message\":\"" + message + "\",\"abort\":" + abort
        + (abort ? ",\"abortedAt\":\"2026-01-01T00:00:00Z\"" : "") + ",\"observedGeneration\":\""
        + generation + "\"}}";
    return Rollout.from(new ObjectMapper().readValue(json, GenericKubernetesResource.class));
  }

  @Test
  void emitsOnlyChangesAndStopsAtHealthy() throws Exception {
    FollowSession session = session(WaitTarget.HEALTHY, Duration.ZERO, Duration.ZERO, 0);
    session.onState(state(2, "Progressing", "more replicas need to be updated", false));
    session.onState(state(2, "Progressing", "more replicas need to be updated", false));
    session.onState(state(2, "Paused", "CanaryPauseStep", false));
    assertThat(session.result()).isNotDone();
    session.onState(state(2, "Healthy", "", false));
    assertThat(session.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(lines).containsExactly("Progressing - more replicas need to be updated", "Paused - CanaryPauseStep",
        "Healthy");
  }

  @Test
  void pausedCountsOnlyWhenAskedFor() throws Exception {
    FollowSession session = session(WaitTarget.PAUSED_OR_HEALTHY, Duration.ZERO, Duration.ZERO, 0);
    session.onState(state(2, "Paused", "CanaryPauseStep", false));
    assertThat(session.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.PAUSED);
    assertThat(session.result().get(5, TimeUnit.SECONDS).reason()).isEqualTo("Paused - CanaryPauseStep");
  }

  @Test
  void ignoresStatesOlderThanOurUpdate() throws Exception {
    FollowSession session = session(WaitTarget.HEALTHY, Duration.ZERO, Duration.ZERO, 3);
    session.onState(state(2, "Healthy", "", false));
    assertThat(session.result()).isNotDone();
    assertThat(lines).isEmpty();
  }

  @Test
  void ignoresStatesOlderThanOurLastWrite() throws Exception {
    FollowSession session = new FollowSession(new FollowRequest(REF, WaitTarget.HEALTHY, Duration.ZERO,
        Duration.ZERO, 0, "42"), listener, timers, Clock.systemUTC());
    session.onState(withResourceVersion(state(2, "Degraded", "RolloutAborted: aborted", true), "41"));
    assertThat(session.result()).isNotDone();
    session.onState(withResourceVersion(state(2, "Healthy", "", false), "43"));
    assertThat(session.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
  }

  private static Rollout withResourceVersion(Rollout rollout, String version) {
    Rollout.Metadata m = rollout.metadata();
    return new Rollout(new Rollout.Metadata(m.name(), m.namespace(), m.uid(), m.generation(), version,
        m.annotations()), rollout.spec(), rollout.status());
  }

  @Test
  void abortFailsAtOnceEvenWithAGracePeriod() throws Exception {
    FollowSession session = session(WaitTarget.HEALTHY, Duration.ZERO, Duration.ofMinutes(5), 0);
    session.onState(state(2, "Degraded", "RolloutAborted: Rollout aborted update to revision 2", true));
    assertThat(session.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.DEGRADED);
  }

  @Test
  void progressDeadlineFailsAtOnceWithoutGrace() throws Exception {
    FollowSession session = session(WaitTarget.HEALTHY, Duration.ZERO, Duration.ZERO, 0);
    session.onState(state(2, "Degraded", "ProgressDeadlineExceeded: ReplicaSet \\\"g\\\" has timed out", false));
    assertThat(session.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.DEGRADED);
  }

  @Test
  void aTransientProgressDeadlineIsRiddenOutWithinTheGrace() throws Exception {
    FollowSession session = session(WaitTarget.HEALTHY, Duration.ZERO, Duration.ofSeconds(30), 0);
    session.onState(state(2, "Degraded", "ProgressDeadlineExceeded: timed out", false));
    assertThat(session.result()).isNotDone();
    session.onState(state(2, "Progressing", "updated replicas are still becoming available", false));
    session.onState(state(2, "Healthy", "", false));
    assertThat(session.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(lines).contains("notice: DegradedGraceStarted 30s", "notice: DegradedGraceEnded");
  }

  @Test
  void aLastingProgressDeadlineFailsWhenTheGraceRunsOut() throws Exception {
    FollowSession session = session(WaitTarget.HEALTHY, Duration.ZERO, Duration.ofMillis(100), 0);
    session.onState(state(2, "Degraded", "ProgressDeadlineExceeded: timed out", false));
    FollowResult result = session.result().get(5, TimeUnit.SECONDS);
    assertThat(result.outcome()).isEqualTo(FollowResult.Outcome.DEGRADED);
    assertThat(result.reason()).contains("still degraded after the 100ms grace period");
  }

  @Test
  void timesOutWithTheLastStateInTheReason() throws Exception {
    FollowSession session = session(WaitTarget.HEALTHY, Duration.ofMillis(100), Duration.ZERO, 0);
    session.onState(state(2, "Paused", "CanaryPauseStep", false));
    FollowResult result = session.result().get(5, TimeUnit.SECONDS);
    assertThat(result.outcome()).isEqualTo(FollowResult.Outcome.TIMED_OUT);
    assertThat(result.reason()).isEqualTo(
        "Rollout status watch exceeded timeout (100ms; last state: Paused - CanaryPauseStep)");
  }

  @Test
  void aDeadlineBeforeAnyStateMeansTheServerNeverAnsweredNotThatTheReleaseTimedOut() {
    FollowSession session = session(WaitTarget.HEALTHY, Duration.ofMillis(100), Duration.ZERO, 0);
    assertThatThrownBy(() -> session.result().get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(UnreachableException.class)
        .hasMessageContaining("did not answer within 100ms, the time given for the whole operation");
  }

  @Test
  void aDeadlineDuringAnOutageIsAnUnreachableServer() throws Exception {
    FollowSession session = session(WaitTarget.HEALTHY, Duration.ofMillis(300), Duration.ZERO, 0);
    session.onState(state(2, "Paused", "CanaryPauseStep", false));
    session.onWatchLost(Instant.now(), "the watch of rollouts in namespace default was lost");
    assertThatThrownBy(() -> session.result().get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(UnreachableException.class).hasMessageContaining("when the time given (300ms) ran out");
  }

  @Test
  void anOutageLongerThanAllowedEndsFollowingAndIsReported() {
    FollowSession session = new FollowSession(FollowRequest.until(REF, WaitTarget.HEALTHY, Duration.ZERO)
        .withMaxOutage(Duration.ofMillis(200)), listener, timers, Clock.systemUTC());
    session.start();
    session.onWatchLost(Instant.now(), "the watch of rollouts in namespace default was lost");
    assertThatThrownBy(() -> session.result().get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(UnreachableException.class).hasMessageContaining("longer than the 200ms allowed");
    assertThat(lines).containsExactly("notice: ServerUnreachable");
  }

  @Test
  void anOutageThatEndsInTimeIsReportedBothWaysAndFollowingGoesOn() throws Exception {
    FollowSession session = new FollowSession(FollowRequest.until(REF, WaitTarget.HEALTHY, Duration.ZERO)
        .withMaxOutage(Duration.ofMillis(300)), listener, timers, Clock.systemUTC());
    session.start();
    session.onWatchLost(Instant.now(), "lost");
    session.onWatchRestored(Duration.ofMillis(50));
    session.onState(state(2, "Healthy", "", false));
    assertThat(session.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
    assertThat(lines).containsExactly("notice: ServerUnreachable", "notice: ServerReachable", "Healthy");
  }

  /** A controller runs for months: whatever ended a follow, none of its timers stays queued. */
  @Test
  void noTimerOutlivesTheFollow() throws Exception {
    ScheduledThreadPoolExecutor queue = new ScheduledThreadPoolExecutor(1);
    queue.setRemoveOnCancelPolicy(true);
    try {
      FollowSession session = new FollowSession(new FollowRequest(REF, WaitTarget.HEALTHY, Duration.ofMinutes(5),
          Duration.ofMinutes(5), 0).withMaxOutage(Duration.ofMinutes(5)), listener, queue, Clock.systemUTC());
      session.start();
      session.onState(state(2, "Degraded", "ProgressDeadlineExceeded: timed out", false));
      session.onWatchLost(Instant.now(), "lost");
      assertThat(queue.getQueue()).hasSize(3); // deadline, grace, outage
      session.onState(state(2, "Healthy", "", false));
      assertThat(session.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.HEALTHY);
      assertThat(queue.getQueue()).isEmpty();
    } finally {
      queue.shutdownNow();
    }
  }

  @Test
  void deletionEndsFollowing() throws Exception {
    FollowSession session = session(WaitTarget.HEALTHY, Duration.ZERO, Duration.ZERO, 0);
    session.onDeleted();
    assertThat(session.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(FollowResult.Outcome.DELETED);
  }
}
