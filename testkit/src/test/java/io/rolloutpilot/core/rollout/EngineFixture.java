package io.rolloutpilot.core.rollout;

import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.event.EngineEvent;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.RolloutProgressed;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.sandbox.CanaryManifests;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sandbox with the engine connected to it as a front end connects it, plus a bare
 * {@link RolloutClient} for the tests of its own requests; one per test.
 */
final class EngineFixture implements AutoCloseable {
  static final String NAMESPACE = "default";

  final Sandbox sandbox;
  final RolloutPilotEngine engine;
  final RolloutService service;
  final ClusterConnection clientConnection;
  final RolloutClient client;
  final Recorder events = new Recorder();

  EngineFixture() {
    this(SandboxOptions.defaults().withPodReadyDelay(Duration.ofMillis(50)));
  }

  EngineFixture(SandboxOptions options) {
    sandbox = Sandbox.start(options);
    engine = RolloutPilotEngine.connect(ClusterConnection.open(sandbox.config(), NAMESPACE));
    service = engine.rollouts();
    clientConnection = ClusterConnection.open(sandbox.config(), NAMESPACE);
    client = new RolloutClient(clientConnection);
  }

  /** A canary of 4 replicas named {@code name}, containers {@code app} and {@code sidecar}, with these steps. */
  RolloutRef createRollout(String name, String image, String... steps) {
    Map<String, String> containers = new LinkedHashMap<>();
    containers.put("app", image);
    containers.put("sidecar", "registry.example.com/proxy:1");
    sandbox.apply(CanaryManifests.rollout(name, NAMESPACE, 4, containers, steps));
    return new RolloutRef(NAMESPACE, name);
  }

  void createAnalysisTemplate(String name) {
    sandbox.apply(CanaryManifests.analysisTemplate(name, NAMESPACE));
  }

  @Override
  public void close() {
    engine.close();
    clientConnection.close();
    sandbox.close();
  }

  /** Keeps every progress line and notice the engine emitted, in order. */
  static final class Recorder implements EngineListener {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<RolloutProgressed> events = new CopyOnWriteArrayList<>();

    @Override
    public void on(EngineEvent event) {
      if (event instanceof RolloutProgressed progressed) {
        events.add(progressed);
        lines.add(progressed.progress().phase().watchLine());
      } else {
        lines.add("notice: " + event.getClass().getSimpleName());
      }
    }

    void clear() {
      lines.clear();
      events.clear();
    }
  }
}
