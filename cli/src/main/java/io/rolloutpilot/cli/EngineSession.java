package io.rolloutpilot.cli;

import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.RolloutClient;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.RolloutService;
import io.rolloutpilot.core.rollout.follow.RolloutFollower;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** One command's connection to the cluster and the engine service on top of it; closed when the command ends. */
public final class EngineSession implements AutoCloseable {
  private final ClusterConnection connection;
  private final ScheduledExecutorService timers;
  private final RolloutWatchHub hub;
  private final RolloutClient rollouts;
  private final RolloutService service;

  private EngineSession(ClusterConnection connection) {
    this.connection = connection;
    this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "rollout-pilot-timers");
      thread.setDaemon(true); // a timer must never keep the CLI alive after the command returned
      return thread;
    });
    this.hub = new RolloutWatchHub(connection.client(), connection.credentials());
    this.rollouts = new RolloutClient(connection);
    this.service = new RolloutService(rollouts, new RolloutFollower(hub, timers, Clock.systemUTC()));
  }

  public static EngineSession open(GlobalOptions options) {
    return open(options.kubeconfig(), options.context(), options.namespace());
  }

  public static EngineSession open(Path kubeconfig, String context, String namespace) {
    return new EngineSession(ClusterConnection.open(kubeconfig, context, namespace));
  }

  public RolloutService service() {
    return service;
  }

  /** Direct reads of Rollouts (spec and steps), for front ends that narrate what they do (the demo). */
  public RolloutClient rollouts() {
    return rollouts;
  }

  /** The Rollout named on the command line, in the namespace from {@code -n} or the kubeconfig context. */
  public RolloutRef ref(String name) {
    return new RolloutRef(connection.namespace(), name);
  }

  @Override
  public void close() {
    hub.close();
    timers.shutdownNow();
    connection.close();
  }
}
