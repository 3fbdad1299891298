package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.rolloutpilot.cli.common.ExitCodes;

class DeployCommandTest {
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
  void deployFollowsEveryStepToHealthy() {
    String name = fixture.rollout("good", SandboxFixture.TIMED);

    Cli.Run run = fixture.cli("deploy", name, "--image", "app=registry.example.com/x:1.1.0", "--timeout", "30s");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("rollout '" + name + "' image updated: app=registry.example.com/x:1.1.0");
    assertThat(run.out()).contains("\nHealthy\n", "app=registry.example.com/x:1.1.0 (stable)", "Revision:     2");
    assertThat(run.err()).contains("Paused - CanaryPauseStep | step 1/4 | weight 50", "| step 2/4",
        "Healthy | step 4/4 | weight 100");
    assertThat(fixture.status(name).path("stableImages").path("app").asText())
        .isEqualTo("registry.example.com/x:1.1.0");
  }

  @Test
  void deployOfABadVersionIsAbortedByAnalysisAndExitsOne() {
    String name = fixture.rollout("bad", SandboxFixture.TIMED);

    Cli.Run run = fixture.cli("deploy", name, "--image", "registry.example.com/x:1.1.0-bad", "--timeout", "30s");

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.RELEASE_FAILED);
    assertThat(run.err()).contains("error: The rollout is in a degraded state with message: RolloutAborted:",
        "analysis", "Failed");
    JsonNode status = fixture.status(name);
    assertThat(status.path("aborted").asBoolean()).isTrue();
    assertThat(status.path("stableImages").path("app").asText()).endsWith(":1.0.0");
    assertThat(status.path("analysisRun").path("phase").asText()).isEqualTo("Failed");
  }

  @Test
  void jsonDeployReportsTheOutcomeAndFinalStatus() {
    String name = fixture.rollout("deployjson", SandboxFixture.TIMED);

    Cli.Run run = fixture.cli("deploy", name, "--image", "registry.example.com/x:1.2.0", "-o", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode json = run.json();
    assertThat(json.path("rollout").asText()).isEqualTo(name);
    assertThat(json.path("container").asText()).isEqualTo("app");
    assertThat(json.path("image").asText()).isEqualTo("registry.example.com/x:1.2.0");
    assertThat(json.path("generation").asLong()).isEqualTo(2);
    assertThat(json.path("follow").path("outcome").asText()).isEqualTo("HEALTHY");
    assertThat(json.path("status").path("phase").asText()).isEqualTo("Healthy");
  }

  @Test
  void waitPausedStopsAtTheGateAndWaitNoneReturnsAtOnce() {
    String name = fixture.rollout("gate", SandboxFixture.GATED);

    Cli.Run none = fixture.cli("deploy", name, "--image", "registry.example.com/x:1.1.0", "--wait", "none");
    assertThat(none.exit()).as(none.toString()).isZero();
    assertThat(none.out()).isEqualTo("rollout '" + name + "' image updated: app=registry.example.com/x:1.1.0"
        + " (generation 2)\n");

    Cli.Run paused = fixture.cli("deploy", name, "--image", "registry.example.com/x:1.2.0", "--wait", "paused");
    assertThat(paused.exit()).as(paused.toString()).isZero();
    assertThat(paused.out()).contains("\nPaused - CanaryPauseStep\n", "Step:         1/5");
  }
}
