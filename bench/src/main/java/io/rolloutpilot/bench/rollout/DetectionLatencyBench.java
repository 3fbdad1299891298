package io.rolloutpilot.bench.rollout;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.RolloutFollower;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.event.RolloutProgressed;

/**
 * Benchmark 1: time from a status write to the follower's progress event, over many changes, beside a
 * follower that polls every 2 seconds. Usage: {@code DetectionLatencyBench [changes] [pollChanges]}.
 */
public final class DetectionLatencyBench {
  private static final String NAMESPACE = "default";

  public static void main(String[] args) throws Exception {
    int changes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int pollChanges = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
      sandbox.controller().pause();
      KubernetesClient writer = sandbox.client();
      BenchRollouts.create(writer, NAMESPACE, "latency");
      Percentiles watch = measureWatch(sandbox, writer, changes);
      Percentiles poll = measurePoll(sandbox, writer, pollChanges);
      System.out.println("detection latency, status write -> progress event");
      System.out.println("  watch follower (ours):     " + watch.describe());
      System.out.println("  2 s polling follower:      " + poll.describe());
      System.out.printf("  ratio p99 polling/ours:    %.0fx%n", poll.p99() / watch.p99());
      System.out.printf("  goal p99 <= 50 ms:         %s%n", watch.p99() <= 50 ? "met" : "NOT met");
    }
  }

  private static Percentiles measureWatch(Sandbox sandbox, KubernetesClient writer, int changes) throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    try (RolloutPilotEngine engine = RolloutPilotEngine.connect(ClusterConnection.open(sandbox.config(), NAMESPACE))) {
      engine.rollouts().followAsync(FollowRequest.until(new RolloutRef(NAMESPACE, "latency"), WaitTarget.HEALTHY,
          Duration.ZERO), e -> {
            if (e instanceof RolloutProgressed progressed) {
              seen.add(progressed.progress().phase().message());
            }
          });
      seen.poll(10, TimeUnit.SECONDS);
      warmUp(writer, seen);
      double[] millis = new double[changes];
      for (int i = 0; i < changes; i++) {
        millis[i] = timeOneChange(writer, seen, "change " + (i + 1));
      }
      return Percentiles.of(millis);
    }
  }

  private static void warmUp(KubernetesClient writer, BlockingQueue<String> seen) throws Exception {
    for (int i = 0; i < 200; i++) {
      timeOneChange(writer, seen, "warm-up " + i);
    }
  }

  private static double timeOneChange(KubernetesClient writer, BlockingQueue<String> seen, String message)
      throws Exception {
    long start = System.nanoTime();
    BenchRollouts.writeStatus(writer, NAMESPACE, "latency", message);
    while (true) {
      String got = seen.poll(10, TimeUnit.SECONDS);
      if (got == null) {
        throw new IllegalStateException("no event within 10 s for '" + message + "'");
      }
      if (got.equals(message)) {
        return (System.nanoTime() - start) / 1e6;
      }
    }
  }

  private static Percentiles measurePoll(Sandbox sandbox, KubernetesClient writer, int changes) throws Exception {
    PollingFollower poller = new PollingFollower(sandbox.client(), NAMESPACE, Duration.ofSeconds(2), 1);
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    poller.follow("latency", message -> seen.add(message));
    try {
      double[] millis = new double[changes];
      for (int i = 0; i < changes; i++) {
        Thread.sleep((long) (Math.random() * 500));
        millis[i] = timeOneChange(writer, seen, "poll change " + (i + 1));
      }
      return Percentiles.of(millis);
    } finally {
      poller.close();
    }
  }
}
