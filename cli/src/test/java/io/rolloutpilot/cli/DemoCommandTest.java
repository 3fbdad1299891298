package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void demoReleasesAGoodVersionThenStopsABadOne() {
    long started = System.nanoTime();

    Cli.Run run = Cli.run("demo");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Paused - CanaryPauseStep | step 1/5",
        "=> Healthy: Healthy",
        "analysis guestbook-", ": Successful",
        "Degraded - RolloutAborted: Rollout aborted update to revision 3",
        "registry.example.com/guestbook:1.1.0 (stable)",
        "registry.example.com/guestbook:1.2.0-bad (canary)",
        "What happened",
        "The demo behaved as designed");
    assertThat(run.out()).containsPattern("reached step 5/5; analysis guestbook-\\S+: Successful")
        .containsPattern("reached step 2/5; analysis guestbook-\\S+: Failed");
    assertThat(run.err()).isEmpty();
    assertThat(System.nanoTime() - started).as("well under a minute").isLessThan(45_000_000_000L);
  }
}
