package io.rolloutpilot.bench.rollout;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.RolloutFollower;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import io.rolloutpilot.core.RolloutPilotEngine;

/**
 * Benchmark 2: one process following many Rollouts. Three roles, each its own JVM so the follower's
 * threads and heap are measured alone (bench/rollout.sh runs them):
 * <ul>
 *   <li>{@code driver N KUBECONFIG INTERVAL_S}: a sandbox with N Rollouts whose status changes every interval;</li>
 *   <li>{@code watch N KUBECONFIG SECONDS}: our follower (one shared watch) following all N;</li>
 *   <li>{@code poll N KUBECONFIG SECONDS}: a follower that GETs each Rollout every 2 s.</li>
 * </ul>
 */
public final class FollowManyBench {
  private static final String NAMESPACE = "default";
  private static final long PROCESS_START = System.nanoTime();

  public static void main(String[] args) throws Exception {
    int rollouts = Integer.parseInt(args[1]);
    Path kubeconfig = Path.of(args[2]);
    long number = Long.parseLong(args[3]);
    switch (args[0]) {
      case "driver" -> drive(rollouts, kubeconfig, Duration.ofSeconds(number));
      case "watch" -> watch(rollouts, kubeconfig, Duration.ofSeconds(number));
      case "poll" -> poll(rollouts, kubeconfig, Duration.ofSeconds(number));
      default -> throw new IllegalArgumentException("role must be driver, watch or poll");
    }
  }

  private static void drive(int rollouts, Path kubeconfig, Duration interval) throws InterruptedException {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
      sandbox.controller().pause();
      KubernetesClient client = sandbox.client();
      for (int i = 0; i < rollouts; i++) {
        BenchRollouts.create(client, NAMESPACE, BenchRollouts.name(i));
      }
      sandbox.writeKubeconfig(kubeconfig);
      System.out.println("driver ready: " + rollouts + " rollouts");
      for (int round = 1; ; round++) {
        Thread.sleep(interval.toMillis());
        for (int i = 0; i < rollouts; i++) {
          BenchRollouts.writeStatus(client, NAMESPACE, BenchRollouts.name(i), "change " + round);
        }
      }
    }
  }

  private static void watch(int rollouts, Path kubeconfig, Duration duration) throws InterruptedException {
    RequestCounter counter = new RequestCounter();
    AtomicLong events = new AtomicLong();
    Config config = Config.fromKubeconfig(kubeconfig.toFile());
    try (RolloutPilotEngine engine = RolloutPilotEngine.connect(ClusterConnection.open(config, NAMESPACE,
        h -> h.addOrReplaceInterceptor("count", counter)))) {
      for (int i = 0; i < rollouts; i++) {
        engine.rollouts().followAsync(FollowRequest.until(new RolloutRef(NAMESPACE, BenchRollouts.name(i)),
            WaitTarget.HEALTHY, Duration.ZERO), e -> events.incrementAndGet());
      }
      report("watch", rollouts, duration, counter, events);
    }
  }

  private static void poll(int rollouts, Path kubeconfig, Duration duration) throws InterruptedException {
    RequestCounter counter = new RequestCounter();
    AtomicLong events = new AtomicLong();
    Config config = Config.fromKubeconfig(kubeconfig.toFile());
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
            .withHttpClientBuilderConsumer(h -> h.addOrReplaceInterceptor("count", counter)).build();
         PollingFollower poller = new PollingFollower(client, NAMESPACE, Duration.ofSeconds(2), 4)) {
      for (int i = 0; i < rollouts; i++) {
        poller.follow(BenchRollouts.name(i), message -> events.incrementAndGet());
      }
      report("poll", rollouts, duration, counter, events);
    }
  }

  /** Lets the follower run for the duration, then prints one line of figures for the runner script. */
  private static void report(String role, int rollouts, Duration duration, RequestCounter counter, AtomicLong events)
      throws InterruptedException {
    Thread.sleep(duration.toMillis());
    // requests per minute over the whole run, start-up (list and watch, or the first polls) included
    double minutes = (System.nanoTime() - PROCESS_START) / 6e10;
    long requests = counter.count();
    ProcessFigures figures = ProcessFigures.now();
    System.out.printf("RESULT role=%s rollouts=%d threads=%d peakThreads=%d heapMiB=%.1f requestsPerMinute=%.1f"
        + " totalRequests=%d minutes=%.2f events=%d%n", role, rollouts, figures.threads(), figures.peakThreads(),
        figures.heapMiB(), requests / minutes, requests, minutes, events.get());
  }
}
