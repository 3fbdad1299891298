package io.rolloutpilot.core.rollout.follow;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.event.EngineEvent;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.DeployRequest;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.sandbox.CanaryManifests;
import io.rolloutpilot.sandbox.Polling;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import io.rolloutpilot.testkit.kube.KubeApiProxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * A sandbox reached two ways: a watch hub and follower through a {@link KubeApiProxy} that a test can
 * kill, freeze or revive, on timers the test can inspect; and {@link #direct}, an engine that reaches the
 * sandbox straight, to set up and move rollouts while the proxied side suffers.
 */
final class ProxiedEngine implements AutoCloseable {
  static final String NAMESPACE = "default";

  final Sandbox sandbox;
  final KubeApiProxy proxy;
  final ClusterConnection connection;
  final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
  final ExecutorService worker = Executors.newSingleThreadExecutor();
  final RolloutWatchHub hub;
  final RolloutFollower follower;
  final RolloutPilotEngine direct;
  final Events events = new Events();

  ProxiedEngine() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withPodReadyDelay(Duration.ofMillis(50)));
    proxy = KubeApiProxy.start(sandbox.port());
    Config throughProxy = new ConfigBuilder(sandbox.config()).withMasterUrl(proxy.url()).build();
    connection = ClusterConnection.open(throughProxy, NAMESPACE);
    timers.setRemoveOnCancelPolicy(true);
    hub = new RolloutWatchHub(connection.client(), connection.credentials(), timers, Clock.systemUTC());
    follower = new RolloutFollower(hub, timers, worker, Clock.systemUTC());
    direct = RolloutPilotEngine.connect(ClusterConnection.open(sandbox.config(), NAMESPACE));
  }

  /** A Rollout deployed to its manual gate (step 1 of setWeight 50, pause, setWeight 75), where followers wait. */
  RolloutRef atTheGate(String name) throws InterruptedException {
    sandbox.apply(CanaryManifests.rollout(name, NAMESPACE, 2, "registry.example.com/" + name + ":1", "setWeight: 50",
        "pause: {}", "setWeight: 75"));
    RolloutRef ref = new RolloutRef(NAMESPACE, name);
    direct.rollouts().follow(FollowRequest.until(ref, WaitTarget.HEALTHY, Duration.ofSeconds(30)), EngineListener.NONE);
    direct.rollouts().deploy(new DeployRequest(ref, "app", "registry.example.com/" + name + ":2",
        WaitTarget.PAUSED_OR_HEALTHY, Duration.ofSeconds(30), Duration.ZERO), EngineListener.NONE);
    return ref;
  }

  /**
   * Waits until the proxied watch is established on the client's side too. Killing the server while the
   * handshake is still on its way makes the client fall back to a plain HTTP watch, which the sandbox
   * does not serve (a real API server does), so a test that wants the watch back waits for this first.
   */
  void awaitWatching() {
    Polling.until(Duration.ofSeconds(10), Duration.ofMillis(20), () -> hub.watching(NAMESPACE), watching -> watching,
        watching -> "the follower's watch never opened");
  }

  @Override
  public void close() {
    hub.close();
    timers.shutdownNow();
    worker.shutdownNow();
    connection.close();
    direct.close();
    proxy.close();
    sandbox.close();
  }

  /** Every event, in order, with a way to wait for one of a kind. */
  static final class Events implements EngineListener {
    final List<EngineEvent> all = new CopyOnWriteArrayList<>();

    @Override
    public void on(EngineEvent event) {
      all.add(event);
    }

    <T extends EngineEvent> T await(Class<T> kind, Duration limit) {
      return kind.cast(Polling.until(limit, Duration.ofMillis(50),
          () -> all.stream().filter(kind::isInstance).findFirst().orElse(null), e -> e != null,
          e -> "no " + kind.getSimpleName() + " within " + limit + "; events: " + names()));
    }

    long count(Class<? extends EngineEvent> kind) {
      return all.stream().filter(kind::isInstance).count();
    }

    List<String> names() {
      return all.stream().map(e -> e.getClass().getSimpleName()).toList();
    }
  }
}
