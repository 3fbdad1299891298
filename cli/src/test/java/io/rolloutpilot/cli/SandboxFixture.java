package io.rolloutpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolloutpilot.sandbox.CanaryManifests;
import io.rolloutpilot.sandbox.Polling;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import io.rolloutpilot.sandbox.sim.AnalysisOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real sandbox (mock Kubernetes API + Argo controller simulator) for CLI tests, with a kubeconfig
 * file the CLI reads as it would read one for a cluster. Each test applies its own Rollout.
 */
final class SandboxFixture implements AutoCloseable {
  /** setWeight, an indefinite pause (a manual gate), analysis, setWeight, a short timed pause. */
  static final String[] GATED = {"setWeight: 25", "pause: {}",
      "analysis: {templates: [{templateName: success-rate}]}", "setWeight: 75", "pause: {duration: 1s}"};
  /** Timed pauses only, so a release runs to Healthy on its own. */
  static final String[] TIMED = {"setWeight: 50", "pause: {duration: 1s}",
      "analysis: {templates: [{templateName: success-rate}]}", "setWeight: 75"};

  private static final AtomicInteger NAMES = new AtomicInteger();
  private final Sandbox sandbox;
  private final Path kubeconfig;

  SandboxFixture(Path dir) {
    sandbox = Sandbox.start(SandboxOptions.defaults().withPodReadyDelay(Duration.ofMillis(50)));
    // Simulated analysis: canaries whose tag contains "bad" fail, the rest pass.
    sandbox.controller().setAnalysisOutcomePolicy(run -> run.canaryImages().values().stream()
        .anyMatch(image -> image.substring(image.lastIndexOf(':') + 1).contains("bad"))
        ? AnalysisOutcome.failed("success-rate 0.5 < 0.95").after(Duration.ofMillis(300))
        : AnalysisOutcome.successful().after(Duration.ofMillis(300)));
    sandbox.apply(CanaryManifests.analysisTemplate("success-rate", "default"));
    kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
  }

  Sandbox sandbox() {
    return sandbox;
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** Creates a Rollout with a unique name, container {@code app} at {@code :1.0.0}, and waits until Healthy. */
  String rollout(String prefix, String... steps) {
    String name = prefix + "-" + NAMES.incrementAndGet();
    sandbox.apply(CanaryManifests.rollout(name, "default", 4, "registry.example.com/" + name + ":1.0.0", steps));
    awaitStatus(name, s -> "Healthy".equals(s.path("phase").asText()));
    return name;
  }

  /** Runs the CLI on this sandbox; following commands get a 30 s timeout unless they set one, so no test hangs. */
  Cli.Run cli(String... args) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
    boolean follows = !all.isEmpty() && (all.get(0).equals("deploy") || all.get(0).equals("status"));
    if (follows && !all.contains("--timeout")) {
      all.add("--timeout");
      all.add("30s");
    }
    return Cli.run(kubeconfig, all.toArray(String[]::new));
  }

  JsonNode status(String name) {
    Cli.Run run = cli("status", name, "-o", "json");
    return run.json();
  }

  /** Polls {@code status -o json} until the predicate holds; for states a watch cannot tell from stale ones. */
  JsonNode awaitStatus(String name, Predicate<JsonNode> condition) {
    return Polling.until(Duration.ofSeconds(20), Duration.ofMillis(100), () -> status(name), condition,
        last -> "rollout " + name + " never reached the expected state; last: " + last);
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("rollout-pilot-cli-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
