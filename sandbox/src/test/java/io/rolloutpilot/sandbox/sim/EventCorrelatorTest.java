package io.rolloutpilot.sandbox.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event correlation of Kubernetes' client library, with its defaults. */
class EventCorrelatorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final EventCorrelator.Subject PAUSED = new EventCorrelator.Subject("Rollout/default/ro/u1", "Normal",
      "RolloutPaused");

  private final EventCorrelator correlator = new EventCorrelator();

  @Test
  void aRepeatUpdatesTheFirstEventWithAHigherCount() {
    EventCorrelator.Outcome first = correlator.correlate(PAUSED, "Rollout is paused (CanaryPauseStep)", T0, "ro.1").orElseThrow();
    EventCorrelator.Outcome again = correlator.correlate(PAUSED, "Rollout is paused (CanaryPauseStep)",
        T0.plusSeconds(5), "ro.2").orElseThrow();
    assertThat(first).isEqualTo(new EventCorrelator.Outcome("ro.1", "Rollout is paused (CanaryPauseStep)", T0, 1));
    assertThat(again).isEqualTo(new EventCorrelator.Outcome("ro.1", "Rollout is paused (CanaryPauseStep)", T0, 2));
  }

  @Test
  void theTenthDistinctMessageOfAReasonWithinTenMinutesIsCombined() {
    EventCorrelator.Subject scaling = new EventCorrelator.Subject("Rollout/default/ro/u1", "Normal", "ScalingReplicaSet");
    for (int i = 1; i <= 9; i++) {
      assertThat(correlator.correlate(scaling, "scaled " + i, T0.plusSeconds(i), "ro." + i).orElseThrow().message())
          .isEqualTo("scaled " + i);
    }
    EventCorrelator.Outcome tenth = correlator.correlate(scaling, "scaled 10", T0.plusSeconds(10), "ro.10").orElseThrow();
    EventCorrelator.Outcome eleventh = correlator.correlate(scaling, "scaled 11", T0.plusSeconds(11), "ro.11").orElseThrow();
    assertThat(tenth).isEqualTo(new EventCorrelator.Outcome("ro.10", "(combined from similar events): scaled 10",
        T0.plusSeconds(10), 1));
    assertThat(eleventh).isEqualTo(new EventCorrelator.Outcome("ro.10", "(combined from similar events): scaled 11",
        T0.plusSeconds(10), 2));
    assertThat(correlator.correlate(scaling, "scaled 12", T0.plusSeconds(11 + 601), "ro.12").orElseThrow().message())
        .as("a fresh window after ten quiet minutes").isEqualTo("scaled 12");
  }

  @Test
  void anObjectGetsTwentyFiveEventsOfATypeThenOneEveryFiveMinutes() {
    for (int i = 0; i < 25; i++) {
      assertThat(correlator.correlate(PAUSED, "m" + (i % 5), T0, "ro." + i)).isPresent();
    }
    assertThat(correlator.correlate(PAUSED, "m0", T0.plusSeconds(1), "ro.25")).isEmpty();
    EventCorrelator.Subject warning = new EventCorrelator.Subject("Rollout/default/ro/u1", "Warning", "RolloutAborted");
    assertThat(correlator.correlate(warning, "aborted", T0.plusSeconds(1), "ro.26")).as("warnings count apart").isPresent();
    EventCorrelator.Subject other = new EventCorrelator.Subject("Rollout/default/other/u2", "Normal", "RolloutPaused");
    assertThat(correlator.correlate(other, "m0", T0.plusSeconds(1), "other.1")).as("other objects apart").isPresent();
    assertThat(correlator.correlate(PAUSED, "m1", T0.plus(Duration.ofMinutes(5)), "ro.27")).isPresent();
    Optional<EventCorrelator.Outcome> tooSoon = correlator.correlate(PAUSED, "m2", T0.plus(Duration.ofMinutes(6)), "ro.28");
    assertThat(tooSoon).isEmpty();
  }
}
