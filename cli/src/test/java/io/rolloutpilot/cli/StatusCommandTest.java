package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.rolloutpilot.cli.common.ExitCodes;

class StatusCommandTest {
  private static SandboxFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SandboxFixture(SandboxFixture.tempDir());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void textStatusOfAHealthyRolloutStartsWithArgosLine() {
    String name = fixture.rollout("text", SandboxFixture.TIMED);

    Cli.Run run = fixture.cli("status", name);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.firstLine()).isEqualTo("Healthy");
    assertThat(run.out()).contains("Name:         " + name, "Namespace:    default", "Step:         4/4",
        "SetWeight:    100", "ActualWeight: 100", "app=registry.example.com/" + name + ":1.0.0 (stable)",
        "Revision:     1", "Replicas:     desired 4, current 4, updated 4, ready 4, available 4");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonStatusCarriesEveryField() {
    String name = fixture.rollout("json", SandboxFixture.TIMED);

    Cli.Run run = fixture.cli("status", name, "-o", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode json = run.json();
    assertThat(json.path("name").asText()).isEqualTo(name);
    assertThat(json.path("namespace").asText()).isEqualTo("default");
    assertThat(json.path("phase").asText()).isEqualTo("Healthy");
    assertThat(json.path("message").asText()).isEmpty();
    assertThat(json.path("stepIndex").asInt()).isEqualTo(4);
    assertThat(json.path("stepCount").asInt()).isEqualTo(4);
    assertThat(json.path("setWeight").asInt()).isEqualTo(100);
    assertThat(json.path("actualWeight").asInt()).isEqualTo(100);
    assertThat(json.path("stableImages").path("app").asText()).isEqualTo("registry.example.com/" + name + ":1.0.0");
    assertThat(json.path("canaryImages").isEmpty()).isTrue();
    assertThat(json.path("revision").asLong()).isEqualTo(1);
    assertThat(json.path("stableHash").asText()).isNotEmpty().isEqualTo(json.path("canaryHash").asText());
    assertThat(json.has("analysisRun")).isTrue();
    assertThat(json.path("replicas").path("desired").asInt()).isEqualTo(4);
    assertThat(json.path("replicas").path("available").asInt()).isEqualTo(4);
    assertThat(json.path("aborted").asBoolean()).isFalse();
    assertThat(json.path("generation").asLong()).isPositive();
    assertThat(json.path("generationObserved").asBoolean()).isTrue();
  }

  @Test
  void watchUntilPausedStopsAtTheManualGate() {
    String name = fixture.rollout("watch", SandboxFixture.GATED);
    assertThat(fixture.cli("deploy", name, "--image", "registry.example.com/x:2.0.0", "--wait", "none").exit())
        .isZero();

    Cli.Run run = fixture.cli("status", name, "--watch", "--until", "paused", "--timeout", "20s");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.firstLine()).isEqualTo("Paused - CanaryPauseStep");
    assertThat(run.out()).contains("Step:         1/5", "SetWeight:    25",
        "app=registry.example.com/x:2.0.0 (canary)");
    assertThat(run.err()).contains("Paused - CanaryPauseStep | step 1/5 | weight 25");
  }

  @Test
  void pausedRolloutShowsItsPhaseAndExitsZeroWithoutWatch() {
    String name = fixture.rollout("paused", SandboxFixture.GATED);
    fixture.cli("deploy", name, "--image", "registry.example.com/x:2.0.0", "--wait", "paused");

    Cli.Run run = fixture.cli("status", name, "-o", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode json = run.json();
    assertThat(json.path("phase").asText()).isEqualTo("Paused");
    assertThat(json.path("message").asText()).isEqualTo("CanaryPauseStep");
    assertThat(json.path("stepIndex").asInt()).isEqualTo(1);
    assertThat(json.path("setWeight").asInt()).isEqualTo(25);
    assertThat(json.path("canaryImages").path("app").asText()).isEqualTo("registry.example.com/x:2.0.0");
    assertThat(json.path("canaryHash").asText()).isNotEqualTo(json.path("stableHash").asText());
    assertThat(json.path("revision").asLong()).isEqualTo(2);
  }

  @Test
  void watchForHealthyTimesOutAtAPauseWithExitOne() {
    String name = fixture.rollout("timeout", SandboxFixture.GATED);
    fixture.cli("deploy", name, "--image", "registry.example.com/x:2.0.0", "--wait", "paused");

    Cli.Run run = fixture.cli("status", name, "--watch", "--timeout", "1s");

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.RELEASE_FAILED);
    assertThat(run.err()).contains("error: Rollout status watch exceeded timeout");
    assertThat(run.firstLine()).isEqualTo("Paused - CanaryPauseStep");
  }

  @Test
  void degradedRolloutExitsOneWithArgosMessage() {
    String name = fixture.rollout("degraded", SandboxFixture.TIMED);
    fixture.cli("deploy", name, "--image", "registry.example.com/x:2.0.0-bad");

    Cli.Run run = fixture.cli("status", name);

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.RELEASE_FAILED);
    assertThat(run.firstLine()).isEqualTo("Degraded");
    assertThat(run.out()).contains("Aborted:");
    assertThat(run.err()).contains("error: The rollout is in a degraded state with message: RolloutAborted:");
  }

  @Test
  void jsonWatchAddsTheFollowOutcome() {
    String name = fixture.rollout("jsonwatch", SandboxFixture.TIMED);

    Cli.Run run = fixture.cli("status", name, "--watch", "-o", "json", "--timeout", "10s");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.json().path("follow").path("outcome").asText()).isEqualTo("HEALTHY");
    assertThat(run.json().path("phase").asText()).isEqualTo("Healthy");
    assertThat(run.err()).contains("\"event\":\"RolloutProgressed\"").contains("\"phase\":\"Healthy\"");
  }
}
