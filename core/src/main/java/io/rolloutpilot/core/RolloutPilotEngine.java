package io.rolloutpilot.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.analysis.AnalysisService;
import io.rolloutpilot.core.analysis.CanaryTargets;
import io.rolloutpilot.core.analysis.Sleeper;
import io.rolloutpilot.core.analysis.argo.AnalysisRunClient;
import io.rolloutpilot.core.analysis.argo.AnalysisRunParser;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisFollower;
import io.rolloutpilot.core.error.InternalException;
import io.rolloutpilot.core.image.ImageService;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.RolloutClient;
import io.rolloutpilot.core.rollout.RolloutService;
import io.rolloutpilot.core.rollout.follow.RolloutFollower;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine, built in one place: the rollout, analysis and image services over one cluster
 * connection, sharing one watch per namespace, one timer thread and one worker thread. Front ends,
 * tests and benchmarks build it here and never wire the parts themselves.
 *
 * <pre>{@code
 * try (RolloutPilotEngine engine = RolloutPilotEngine.connect(ClusterConnection.open(access))) {
 *   DeployResult result = engine.rollouts().deploy(request, listener);
 * }
 * }</pre>
 *
 * <p>The engine owns what it started: {@link #close()} stops its watches and threads and closes the
 * cluster connection, once. Its threads are daemons, so a forgotten engine never keeps a CLI alive,
 * and a long-running host (a Jenkins controller) keeps no thread, timer or watch of a closed one.
 */
public final class RolloutPilotEngine implements AutoCloseable {
  private final ClusterConnection cluster;
  private final ScheduledThreadPoolExecutor timers;
  private final ExecutorService worker;
  private final RolloutWatchHub hub;
  private final RolloutService rollouts;
  private final AnalysisService analysis;
  private final ImageService images;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RolloutPilotEngine(Builder builder) {
    this.cluster = builder.cluster;
    this.timers = new ScheduledThreadPoolExecutor(1, daemons("rollout-pilot-timer"));
    // a cancelled deadline must not sit in the queue until it would have fired
    timers.setRemoveOnCancelPolicy(true);
    this.worker = Executors.newSingleThreadExecutor(daemons("rollout-pilot-worker"));
    Clock clock = builder.clock;
    if (cluster != null) {
      this.hub = new RolloutWatchHub(cluster.client(), cluster.credentials(), timers, clock);
      RolloutClient client = new RolloutClient(cluster);
      this.rollouts = new RolloutService(client, new RolloutFollower(hub, timers, worker, clock), clock);
      AnalysisRunClient runs = new AnalysisRunClient(cluster.client(), cluster.credentials(), new AnalysisRunParser());
      ArgoAnalysisFollower follower = new ArgoAnalysisFollower(client, hub, runs, worker, timers, clock);
      CanaryTargets targets = new CanaryTargets(client, cluster.client(), cluster.credentials());
      this.analysis = new AnalysisService(() -> targets, () -> follower, clock, builder.sleeper);
    } else {
      this.hub = null;
      this.rollouts = null;
      this.analysis = new AnalysisService(() -> {
        throw noCluster();
      }, () -> {
        throw noCluster();
      }, clock, builder.sleeper);
    }
    this.images = new ImageService(new ObjectMapper(), clock, builder.scanPollInterval);
  }

  /** An engine over one cluster; it owns the connection and closes it. */
  public static RolloutPilotEngine connect(ClusterConnection cluster) {
    return builder().cluster(cluster).build();
  }

  /** An engine for work that needs no cluster: pushing images, judging on Prometheus with given hashes. */
  public static RolloutPilotEngine withoutCluster() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Status, deploy and follow, promote, abort, retry, pause, resume, undo. */
  public RolloutService rollouts() {
    if (rollouts == null) {
      throw noCluster();
    }
    return rollouts;
  }

  /** The namespace requests go to when the caller names none: the access's, else {@code default}. */
  public String namespace() {
    if (cluster == null) {
      throw noCluster();
    }
    return cluster.namespace();
  }

  /** Canary judgement on Prometheus, and following Argo's AnalysisRuns. */
  public AnalysisService analysis() {
    return analysis;
  }

  /** Byte-exact image publishing to OCI registries and Amazon ECR. */
  public ImageService images() {
    return images;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (hub != null) {
      hub.close();
    }
    timers.shutdownNow();
    worker.shutdownNow();
    try {
      timers.awaitTermination(1, TimeUnit.SECONDS);
      worker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  private static InternalException noCluster() {
    return new InternalException(null, "this engine was built without a cluster connection");
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** How to build an engine; everything but the cluster has a default. */
  public static final class Builder {
    private ClusterConnection cluster;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.REAL;
    private Duration scanPollInterval = Duration.ofSeconds(5);

    private Builder() {}

    /** The cluster the rollout and Argo analysis services talk to; the engine closes it. */
    public Builder cluster(ClusterConnection connection) {
      this.cluster = connection;
      return this;
    }

    /** Where the engine takes the time from (deadlines, durations, token expiry). */
    public Builder clock(Clock engineClock) {
      this.clock = engineClock;
      return this;
    }

    /** How the engine waits between analysis looks; tests pass one that does not sleep. */
    public Builder sleeper(Sleeper engineSleeper) {
      this.sleeper = engineSleeper;
      return this;
    }

    /** How often the ECR scan gate asks whether the scan finished; tests ask more often. */
    public Builder scanPollInterval(Duration interval) {
      this.scanPollInterval = interval;
      return this;
    }

    public RolloutPilotEngine build() {
      return new RolloutPilotEngine(this);
    }
  }
}
