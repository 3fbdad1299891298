package io.rolloutpilot.testkit.engine;

import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.RolloutClient;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.RolloutService;
import io.rolloutpilot.core.rollout.follow.ProgressEvent;
import io.rolloutpilot.core.rollout.follow.ProgressListener;
import io.rolloutpilot.core.rollout.follow.RolloutFollower;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub;
import io.rolloutpilot.testkit.Sandbox;
import io.rolloutpilot.testkit.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

  /** A canary of 4 replicas named {@code name} whose steps are the given YAML list items. */
  RolloutRef createRollout(String name, String image, String... steps) {
    StringBuilder yaml = new StringBuilder("apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: ")
        .append(name).append("\n  namespace: ").append(NAMESPACE).append("\nspec:\n  replicas: 4\n")
        .append("  selector:\n    matchLabels:\n      app: ").append(name).append('\n')
        .append("  template:\n    metadata:\n      labels:\n        app: ").append(name).append('\n')
        .append("    spec:\n      containers:\n      - name: app\n        image: ").append(image).append('\n')
        .append("      - name: sidecar\n        image: registry.example.com/proxy:1\n")
        .append("  strategy:\n    canary:\n      steps:\n");
    for (String step : steps) {
      yaml.append("      - ").append(step).append('\n');
    }
    sandbox.apply(yaml.toString());
    return new RolloutRef(NAMESPACE, name);
  }

  void createAnalysisTemplate(String name) {
    sandbox.apply("apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n  name: " + name
        + "\n  namespace: " + NAMESPACE + "\nspec:\n  metrics:\n  - name: success-rate\n    successCondition:"
        + " result[0] >= 0.95\n    provider:\n      prometheus:\n        address: http://prometheus:9090\n"
        + "        query: vector(1)\n");
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
