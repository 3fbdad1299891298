package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.rolloutpilot.cli.common.ExitCodes;

/** promote, abort, retry, undo, pause and resume, each checked by its effect on the rollout. */
class ControlCommandsTest {
  private static SandboxFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SandboxFixture(SandboxFixture.tempDir());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String pausedAtGate(String prefix) {
    String name = fixture.rollout(prefix, SandboxFixture.GATED);
    Cli.Run deploy = fixture.cli("deploy", name, "--image", "registry.example.com/x:2.0.0", "--wait", "paused");
    assertThat(deploy.exit()).as(deploy.toString()).isZero();
    return name;
  }

  @Test
  void promoteMovesPastTheGateAndTheReleaseCompletes() {
    String name = pausedAtGate("promote");

    Cli.Run run = fixture.cli("promote", name);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("rollout '" + name + "' promoted\n");
    Cli.Run watch = fixture.cli("status", name, "--watch", "--timeout", "20s");
    assertThat(watch.exit()).as(watch.toString()).isZero();
    assertThat(watch.err()).contains("| step 2/5", "analysis");
    assertThat(fixture.status(name).path("stableImages").path("app").asText()).endsWith("x:2.0.0");
  }

  @Test
  void promoteFullSkipsTheRemainingStepsAndSpeaksJson() {
    String name = pausedAtGate("full");

    Cli.Run run = fixture.cli("promote", name, "--full", "-o", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.json().path("action").asText()).isEqualTo("fully promoted");
    assertThat(run.json().path("rollout").asText()).isEqualTo(name);
    fixture.awaitStatus(name, s -> "Healthy".equals(s.path("phase").asText()));
  }

  @Test
  void abortGoesDegradedAndRetryStartsTheStepsAgain() {
    String name = pausedAtGate("abort");

    Cli.Run abort = fixture.cli("abort", name);
    assertThat(abort.out()).isEqualTo("rollout '" + name + "' aborted\n");
    Cli.Run watch = fixture.cli("status", name, "--watch", "--timeout", "20s");
    assertThat(watch.exit()).as(watch.toString()).isEqualTo(ExitCodes.RELEASE_FAILED);
    assertThat(watch.err()).contains("The rollout is in a degraded state with message: RolloutAborted");
    JsonNode aborted = fixture.status(name);
    assertThat(aborted.path("aborted").asBoolean()).isTrue();
    assertThat(aborted.path("setWeight").asInt()).isZero();

    Cli.Run retry = fixture.cli("retry", name);
    assertThat(retry.out()).isEqualTo("rollout '" + name + "' retried\n");
    JsonNode retried = fixture.awaitStatus(name, s -> !s.path("aborted").asBoolean()
        && "Paused".equals(s.path("phase").asText()));
    assertThat(retried.path("stepIndex").asInt()).isEqualTo(1);
  }

  @Test
  void undoRestoresThePreviousImageAndSkipsWhenAlreadyThere() {
    String name = fixture.rollout("undo", SandboxFixture.TIMED);
    assertThat(fixture.cli("deploy", name, "--image", "registry.example.com/x:2.0.0").exit()).isZero();

    Cli.Run undo = fixture.cli("undo", name);

    assertThat(undo.exit()).as(undo.toString()).isZero();
    assertThat(undo.out()).isEqualTo("rollout '" + name + "' undo\n");
    Cli.Run watch = fixture.cli("status", name, "--watch", "--timeout", "20s");
    assertThat(watch.exit()).as(watch.toString()).isZero();
    JsonNode status = fixture.status(name);
    assertThat(status.path("stableImages").path("app").asText()).isEqualTo("registry.example.com/" + name + ":1.0.0");
    long revision = status.path("revision").asLong();

    Cli.Run again = fixture.cli("undo", name, "--to-revision", String.valueOf(revision), "-o", "json");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.json().path("skipped").asBoolean()).isTrue();
    assertThat(fixture.cli("undo", name, "--to-revision", String.valueOf(revision)).out())
        .isEqualTo("skipped rollback (current template already matches revision " + revision + ")\n");
  }

  @Test
  void pauseAndResume() {
    String name = fixture.rollout("pause", SandboxFixture.TIMED);

    assertThat(fixture.cli("pause", name).out()).isEqualTo("rollout '" + name + "' paused\n");
    fixture.awaitStatus(name, s -> "manually paused".equals(s.path("message").asText()));
    assertThat(fixture.cli("resume", name).out()).isEqualTo("rollout '" + name + "' resumed\n");
    fixture.awaitStatus(name, s -> "Healthy".equals(s.path("phase").asText()));
  }
}
