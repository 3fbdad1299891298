package io.rolloutpilot.cli;

import io.rolloutpilot.sandbox.Polling;
import io.rolloutpilot.sandbox.sim.AnalysisOutcome;
import io.rolloutpilot.testkit.kube.KubeApiProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@link SandboxFixture} behind a {@link KubeApiProxy}: the CLI under test reaches the sandbox through
 * the proxy, which a test can kill, revive or make stall, while the fixture reaches it directly to set
 * up and move rollouts. AnalysisRuns of canaries tagged {@code hold} stay Running.
 */
final class ProxiedSandbox implements AutoCloseable {
  final SandboxFixture fixture;
  final KubeApiProxy proxy;
  final Path kubeconfig;

  ProxiedSandbox(Path dir) {
    fixture = new SandboxFixture(dir);
    fixture.sandbox().controller().setAnalysisOutcomePolicy(run -> {
      String tag = run.canaryImages().values().stream().map(i -> i.substring(i.lastIndexOf(':') + 1))
          .findFirst().orElse("");
      return tag.contains("hold") ? null : tag.contains("bad")
          ? AnalysisOutcome.failed("success-rate 0.5 < 0.95").after(Duration.ofMillis(300))
          : AnalysisOutcome.successful().after(Duration.ofMillis(300));
    });
    proxy = KubeApiProxy.start(fixture.sandbox().port());
    kubeconfig = dir.resolve("kubeconfig-through-proxy");
    try {
      Files.writeString(kubeconfig, Files.readString(fixture.kubeconfig())
          .replace(fixture.sandbox().url().replaceAll("/$", ""), proxy.url()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the CLI through the proxy, with exactly the arguments given (no default timeout). */
  Cli.Run cli(String... args) {
    return Cli.run(kubeconfig, args);
  }

  /** Starts the CLI through the proxy on its own thread. */
  Cli.Running start(String... args) {
    return Cli.start(Cli.withKubeconfig(kubeconfig, args));
  }

  /** Waits until a watch opened after {@code watchesBefore} (from {@code proxy.watchesOpened()}) is open. */
  void awaitWatching(int watchesBefore) {
    Polling.until(Duration.ofSeconds(20), Duration.ofMillis(50), () -> proxy.watchesOpened() > watchesBefore
        && proxy.openWatches() > 0, open -> open, open -> "no new watch was opened through the proxy");
  }

  /** Waits until stderr of a running command contains {@code text}. */
  static void awaitErr(Cli.Running running, String text, Duration limit) {
    Polling.until(limit, Duration.ofMillis(50), running::err, err -> err.contains(text),
        err -> "stderr never showed '" + text + "'; it was:\n" + err);
  }

  /** Two manual gates: a follower can be shown a change at the first and still have the second to wait at. */
  static final String[] TWO_GATES = {"setWeight: 25", "pause: {}", "setWeight: 50", "pause: {}", "setWeight: 75"};

  /** A rollout of {@link #TWO_GATES} waiting at its first gate with a new image, as a follower finds it mid-release. */
  String atTheFirstGate(String prefix) {
    String name = fixture.rollout(prefix, TWO_GATES);
    Cli.Run deploy = fixture.cli("deploy", name, "--image", "registry.example.com/" + name + ":2.0.0", "--wait",
        "paused");
    if (deploy.exit() != 0) {
      throw new AssertionError("could not deploy to the gate: " + deploy);
    }
    return name;
  }

  /**
   * Waits until the running command's watch is established on its own side, by moving the rollout from
   * its first gate to its second and waiting for the command to report it: a server killed while the
   * watch's handshake is still on its way makes the client fall back to a plain HTTP watch, which the
   * sandbox does not serve (a real API server does).
   */
  void awaitLiveWatch(Cli.Running running, String rollout, int watchesBefore) {
    awaitWatching(watchesBefore);
    Polling.until(Duration.ofSeconds(20), Duration.ofMillis(50), running::err,
        err -> err.contains("CanaryPauseStep | step 1/5")
            || err.contains("\"message\":\"CanaryPauseStep\",\"stepIndex\":1"),
        err -> "the command never reported the first gate; stderr:\n" + err);
    Cli.Run promote = fixture.cli("promote", rollout);
    if (promote.exit() != 0) {
      throw new AssertionError("could not promote to the second gate: " + promote);
    }
    Polling.until(Duration.ofSeconds(20), Duration.ofMillis(50), running::err,
        err -> err.contains("step 3/5") || err.contains("\"stepIndex\":3"),
        err -> "the command never reported the second gate; stderr:\n" + err);
  }

  @Override
  public void close() {
    proxy.close();
    fixture.close();
  }
}
