package io.rolloutpilot.core.rollout;

import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.RolloutClient;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.RolloutService;
import io.rolloutpilot.core.rollout.follow.ProgressEvent;
import io.rolloutpilot.core.rollout.follow.ProgressListener;
import io.rolloutpilot.core.rollout.follow.RolloutFollower;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub;
import io.rolloutpilot.sandbox.CanaryManifests;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A sandbox with the engine wired to it as a front end would wire it; one per test. */
final class EngineFixture implements AutoCloseable {
  static final String NAMESPACE = "default";

  final Sandbox sandbox;
  final ClusterConnection connection;
  final RolloutWatchHub hub;
  final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  final RolloutClient client;
  final RolloutService service;
  final Recorder events = new Recorder();

  EngineFixture() {
    this(SandboxOptions.defaults().withPodReadyDelay(Duration.ofMillis(50)));
  }

  EngineFixture(SandboxOptions options) {
    sandbox = Sandbox.start(options);
    connection = ClusterConnection.open(sandbox.config(), NAMESPACE);
    hub = new RolloutWatchHub(connection.client(), connection.credentials());
    client = new RolloutClient(connection);
    service = new RolloutService(client, new RolloutFollower(hub, timers, Clock.systemUTC()));
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
    timers.shutdownNow();
    hub.close();
    connection.close();
    sandbox.close();
  }

  /** Keeps every progress line and notice the engine emitted, in order. */
  static final class Recorder implements ProgressListener {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onProgress(ProgressEvent event) {
      events.add(event);
      lines.add(event.progress().phase().watchLine());
    }

    @Override
    public void onNotice(String text) {
      lines.add("notice: " + text);
    }

    void clear() {
      lines.clear();
      events.clear();
    }
  }
}
