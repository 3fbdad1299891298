package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.testkit.kube.ProxyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API server stalls, dies or comes back while a command runs: every command ends within its
 * --timeout (or the transport's own bounds), a follow says when the server is unreachable and when it
 * answers again, and gives up with exit 3 after --max-outage even when --timeout is 0.
 */
class HostileClusterTest {
  private static ProxiedSandbox sandbox;
  private static String steady;

  @BeforeAll
  static void start() {
    sandbox = new ProxiedSandbox(SandboxFixture.tempDir());
    steady = sandbox.fixture.rollout("steady", SandboxFixture.TIMED);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void serverBack() {
    sandbox.proxy.mode(ProxyMode.forward());
    sandbox.proxy.revive();
  }

  static Stream<Arguments> stalls() {
    ProxyMode headersOnly = new ProxyMode.HeadersThenStall();
    ProxyMode drip = new ProxyMode.Drip(Duration.ofSeconds(2));
    ProxyMode silent = new ProxyMode.Silent();
    String image = "registry.example.com/steady:9.9.9";
    return Stream.of(
        Arguments.of(headersOnly, List.of("status", "ROLLOUT", "--timeout", "5s"), 5),
        Arguments.of(drip, List.of("status", "ROLLOUT", "-o", "json", "--timeout", "5s"), 5),
        Arguments.of(silent, List.of("status", "ROLLOUT", "--watch", "--timeout", "5s"), 5),
        Arguments.of(silent, List.of("status", "ROLLOUT", "--watch", "-o", "json", "--timeout", "5s"), 5),
        Arguments.of(new ProxyMode.Freeze(), List.of("status", "ROLLOUT", "--until", "paused", "--timeout", "5s"), 5),
        Arguments.of(headersOnly, List.of("deploy", "ROLLOUT", "--image", image, "--timeout", "6s"), 6),
        Arguments.of(drip, List.of("deploy", "ROLLOUT", "--image", image, "-o", "json", "--timeout", "6s"), 6),
        Arguments.of(headersOnly, List.of("status", "ROLLOUT"), 10));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("stalls")
  void aStallingServerEndsTheCommandWithinItsTimeoutWithExitThree(ProxyMode mode, List<String> args, int seconds) {
    sandbox.proxy.mode(mode);
    long started = System.nanoTime();

    Cli.Run run = sandbox.cli(args.stream().map(a -> a.equals("ROLLOUT") ? steady : a).toArray(String[]::new));

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(run.err()).contains("error: ").contains("hint: check the kubeconfig's server address");
    assertThat(took).as("took " + took).isBetween(Duration.ofSeconds(seconds).minusMillis(500),
        Duration.ofSeconds(seconds + 3));
    assertThat(run.out()).isEmpty();
  }

  static Stream<Arguments> outages() {
    return Stream.of(
        Arguments.of(List.of("status", "ROLLOUT", "--watch", "--max-outage", "3s")),
        Arguments.of(List.of("status", "ROLLOUT", "--watch", "-o", "json", "--max-outage", "3s")),
        Arguments.of(List.of("deploy", "ROLLOUT", "--image", "registry.example.com/x:3.0.0", "--timeout", "0",
            "--max-outage", "3s")),
        Arguments.of(List.of("deploy", "ROLLOUT", "--image", "registry.example.com/x:3.0.0", "-o", "json",
            "--max-outage", "3s")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outages")
  void aServerKilledWhileFollowingEndsTheCommandAfterTheLongestOutageAllowed(List<String> args) {
    String rollout = sandbox.atTheFirstGate("outage");
    boolean json = args.contains("json");
    int watches = sandbox.proxy.watchesOpened();
    Cli.Running running = sandbox.start(args.stream().map(a -> a.equals("ROLLOUT") ? rollout : a)
        .toArray(String[]::new));
    sandbox.awaitLiveWatch(running, rollout, watches);

    long killed = System.nanoTime();
    sandbox.proxy.kill();
    Cli.Run run = running.await(Duration.ofSeconds(30));

    Duration took = Duration.ofNanos(System.nanoTime() - killed);
    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(took).as("took " + took).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(10));
    assertThat(run.err()).contains("error: follow rollout default/" + rollout
        + ": the API server has been unreachable for", "longer than the 3s allowed; the rollout's outcome is unknown");
    if (json) {
      assertThat(run.err()).contains("{\"event\":\"ServerUnreachable\",\"server\":\"Kubernetes API\"",
          "\"giveUpAfter\":\"PT3S\"");
    } else {
      assertThat(run.err()).contains("note: Kubernetes API is unreachable (the watch of rollouts in namespace default"
          + " was lost", "still trying, giving up after 3s (--max-outage)");
    }
  }

  @Test
  void theTimeoutDuringAnOutageEndsTheCommandWithExitThree() {
    String rollout = sandbox.atTheFirstGate("deadline");
    int watches = sandbox.proxy.watchesOpened();
    long started = System.nanoTime();
    Cli.Running running = sandbox.start("status", rollout, "--watch", "--timeout", "10s");
    sandbox.awaitLiveWatch(running, rollout, watches);
    sandbox.proxy.kill();

    Cli.Run run = running.await(Duration.ofSeconds(30));

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(10),
        Duration.ofSeconds(13));
    assertThat(run.err()).contains("note: Kubernetes API is unreachable", "when the time given (10s) ran out");
  }

  @Test
  void analysisRunsGiveUpAfterTheLongestOutageAllowed() {
    String rollout = sandbox.fixture.rollout("analysis", "setWeight: 25",
        "analysis: {templates: [{templateName: success-rate}]}", "setWeight: 75");
    sandbox.fixture.cli("deploy", rollout, "--image", "registry.example.com/x:2.0.0-hold", "--wait", "none");
    sandbox.fixture.awaitStatus(rollout, s -> s.path("analysisRun").path("phase").asText().equals("Running"));
    int watches = sandbox.proxy.watchesOpened();
    Cli.Running running = sandbox.start("analyze", rollout, "--analysis-runs", "--max-outage", "3s");
    sandbox.awaitWatching(watches);
    ProxiedSandbox.awaitErr(running, "following AnalysisRun", Duration.ofSeconds(10));

    long killed = System.nanoTime();
    sandbox.proxy.kill();
    Cli.Run run = running.await(Duration.ofSeconds(30));

    // the bound allows for a watch still in its handshake when the server died: fabric8 retries that for 6 s
    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(Duration.ofNanos(System.nanoTime() - killed)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(16));
    assertThat(run.err()).contains("note: Kubernetes API is unreachable");
    assertThat(run.out()).startsWith("ERROR - the API server has been unreachable for")
        .contains("longer than the 3s allowed");
  }

  @Test
  void aServerThatComesBackIsReportedAndFollowingGoesOn() {
    String rollout = sandbox.atTheFirstGate("revive");
    int watches = sandbox.proxy.watchesOpened();
    Cli.Running running = sandbox.start("status", rollout, "--watch", "--timeout", "90s");
    sandbox.awaitLiveWatch(running, rollout, watches);

    sandbox.proxy.kill();
    ProxiedSandbox.awaitErr(running, "note: Kubernetes API is unreachable", Duration.ofSeconds(10));
    sandbox.proxy.revive();
    ProxiedSandbox.awaitErr(running, "note: Kubernetes API answers again after", Duration.ofSeconds(45));
    assertThat(sandbox.fixture.cli("promote", rollout, "--full").exit()).isZero();

    Cli.Run run = running.await(Duration.ofSeconds(30));
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.firstLine()).isEqualTo("Healthy");
  }

  /** In a process of its own, so that a thread left running would keep the JVM from exiting. */
  @Test
  void aKilledServerEndsTheProcessToo(@TempDir Path dir) throws Exception {
    String rollout = sandbox.atTheFirstGate("process");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int watches = sandbox.proxy.watchesOpened();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        RolloutPilot.class.getName(), "status", rollout, "--watch", "--max-outage", "2s", "--kubeconfig",
        sandbox.kubeconfig.toString()).redirectOutput(dir.resolve("out").toFile())
        .redirectError(dir.resolve("err").toFile()).start();
    try {
      sandbox.awaitWatching(watches);
      sandbox.proxy.kill();
      // a watch still in its handshake would add fabric8's 6 s of retries before the loss is noticed
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process ends").isTrue();
      assertThat(process.exitValue()).isEqualTo(ExitCodes.ENVIRONMENT);
      assertThat(Files.readString(dir.resolve("err"))).contains("note: Kubernetes API is unreachable",
          "longer than the 2s allowed");
    } finally {
      process.destroyForcibly();
    }
  }
}
