package io.rolloutpilot.cli.analyze;

import io.rolloutpilot.cli.GlobalOptions;
import io.rolloutpilot.core.analysis.CanaryTargets;
import io.rolloutpilot.core.analysis.argo.AnalysisRunClient;
import io.rolloutpilot.core.analysis.argo.AnalysisRunParser;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisFollower;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.RolloutClient;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/** {@code analyze}'s connection to the cluster and the analysis engine parts on top of it; closed after the command. */
public final class ArgoAnalysisSession implements AutoCloseable {
  private final ClusterConnection connection;
  private final RolloutWatchHub hub;
  private final RolloutClient rollouts;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("rollout-pilot-analysis"));
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("rollout-pilot-timers"));

  public ArgoAnalysisSession(GlobalOptions options) {
    this.connection = ClusterConnection.open(options.kubeconfig(), options.context(), options.namespace());
    this.hub = new RolloutWatchHub(connection.client(), connection.credentials());
    this.rollouts = new RolloutClient(connection);
  }

  public RolloutRef ref(String name) {
    return new RolloutRef(connection.namespace(), name);
  }

  public ArgoAnalysisFollower follower() {
    AnalysisRunClient runs = new AnalysisRunClient(connection.client(), connection.credentials(), new AnalysisRunParser());
    return new ArgoAnalysisFollower(rollouts, hub, runs, worker, timers, Clock.systemUTC());
  }

  public CanaryTargets canaryTargets() {
    return new CanaryTargets(rollouts, connection.client(), connection.credentials());
  }

  /** Threads that never keep the CLI alive after the command returned. */
  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    hub.close();
    worker.shutdownNow();
    timers.shutdownNow();
    connection.close();
  }
}
