package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.sandbox.Sandbox;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.sandbox.Polling;

/** {@code sandbox} in a child JVM, as a pipeline would run it: ready line, serves requests, stops on SIGTERM. */
class SandboxCommandTest {

  @Test
  void printsItsReadyLineServesTheAppliedRolloutAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    Path sample = Files.writeString(dir.resolve("sample.yaml"), Sandbox.sampleYaml());
    Path kubeconfig = dir.resolve("kubeconfig");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        RolloutPilot.class.getName(), "sandbox", "--kubeconfig-out", kubeconfig.toString(), "--apply",
        sample.toString(), "--pod-ready-delay", "50ms"))
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    try {
      String ready = "sandbox ready: kubeconfig=" + kubeconfig.toAbsolutePath();
      awaitLine(dir.resolve("stdout.txt"), process);

      assertThat(Files.readString(dir.resolve("stdout.txt"))).isEqualTo(ready + "\n");
      Cli.Run status = Cli.run(kubeconfig, "status", "guestbook", "--watch", "--timeout", "20s");
      assertThat(status.exit()).as(status.toString()).isZero();
      assertThat(status.firstLine()).isEqualTo("Healthy");

      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("sandbox stops on SIGTERM").isTrue();
      assertThat(Files.readString(dir.resolve("stdout.txt"))).as("nothing but the ready line on stdout")
          .isEqualTo(ready + "\n");
      assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("sandbox: Kubernetes API");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void badOptionsExitTwoBeforeStarting(@TempDir Path dir) {
    Cli.Run missing = Cli.run("sandbox", "--apply", dir.resolve("absent.yaml").toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("error: --apply:", "absent.yaml");

    Cli.Run delay = Cli.run("sandbox", "--pod-ready-delay", "quick");
    assertThat(delay.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(delay.err()).contains("error: --pod-ready-delay: 'quick' is not a duration");
  }

  /** Waits up to a minute for the first complete line; the child JVM starts and builds the sandbox first. */
  private static void awaitLine(Path file, Process process) {
    Polling.until(Duration.ofSeconds(60), Duration.ofMillis(50), () -> {
      assertThat(process.isAlive()).as("sandbox process is running").isTrue();
      return read(file);
    }, text -> text.contains("\n"), text -> "no ready line within 60 s");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
