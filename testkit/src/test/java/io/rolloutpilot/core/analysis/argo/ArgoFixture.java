package io.rolloutpilot.core.analysis.argo;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.rolloutpilot.core.analysis.argo.AnalysisRunClient;
import io.rolloutpilot.core.analysis.argo.AnalysisRunParser;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisFollower;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisRequest;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisResult;
import io.rolloutpilot.core.analysis.argo.RunKind;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.ArgoResources;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutClient;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub;
import io.rolloutpilot.sandbox.CanaryManifests;
import io.rolloutpilot.sandbox.Polling;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

/** A sandbox with the Mode A follower wired as a front end wires it; one per test. */
final class ArgoFixture implements AutoCloseable {
  static final String NAMESPACE = "default";
  static final String TEMPLATE = """
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata: {name: success-rate, namespace: default}
      spec:
        metrics:
          - name: success-rate
            interval: 1s
            count: 3
            successCondition: result[0] >= 0.95
            provider: {prometheus: {address: "http://prometheus:9090", query: "vector(1)"}}
      """;

  final Sandbox sandbox;
  final ClusterConnection connection;
  final RolloutWatchHub hub;
  final RolloutClient rollouts;
  final ExecutorService worker = Executors.newSingleThreadExecutor();
  final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  final ArgoAnalysisFollower follower;
  final List<String> progress = new CopyOnWriteArrayList<>();

  ArgoFixture() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withPodReadyDelay(Duration.ofMillis(50)));
    connection = ClusterConnection.open(sandbox.config(), NAMESPACE);
    hub = new RolloutWatchHub(connection.client(), connection.credentials());
    rollouts = new RolloutClient(connection);
    AnalysisRunClient runs = new AnalysisRunClient(connection.client(), connection.credentials(),
        new AnalysisRunParser());
    follower = new ArgoAnalysisFollower(rollouts, hub, runs, worker, timers, Clock.systemUTC());
    sandbox.apply(TEMPLATE);
  }

  /** A Healthy canary Rollout with an analysis step between two weights. */
  RolloutRef healthyRollout(String name) {
    sandbox.apply(CanaryManifests.rollout(name, NAMESPACE, 4, "registry.example.com/" + name + ":1",
        "setWeight: 25", "analysis: {templates: [{templateName: success-rate}]}", "setWeight: 75"));
    RolloutRef ref = new RolloutRef(NAMESPACE, name);
    awaitRollout(ref, r -> "Healthy".equals(r.status().phase()));
    return ref;
  }

  void deploy(RolloutRef ref, String tag) {
    rollouts.setImage(ref, "app", "registry.example.com/" + ref.name() + ":" + tag);
  }

  ArgoAnalysisResult follow(RolloutRef ref, Duration timeout) {
    return follower.follow(new ArgoAnalysisRequest(ref, RunKind.ANY, timeout), progress::add);
  }

  CompletableFuture<ArgoAnalysisResult> followInBackground(RolloutRef ref, Duration timeout) {
    return CompletableFuture.supplyAsync(() -> follow(ref, timeout));
  }

  Rollout awaitRollout(RolloutRef ref, Predicate<Rollout> condition) {
    return Polling.until(Duration.ofSeconds(20), Duration.ofMillis(20), () -> rollouts.get(ref), condition,
        last -> "rollout " + ref + " never reached the expected state; last: " + last);
  }

  /** Waits until the follower has reported a progress line containing the text; returns that line. */
  String awaitProgress(String text) {
    return Polling.until(Duration.ofSeconds(20), Duration.ofMillis(10),
        () -> progress.stream().filter(line -> line.contains(text)).findFirst().orElse(null), Objects::nonNull,
        none -> "no progress line with '" + text + "'; lines: " + progress);
  }

  /** Writes an AnalysisRun's status as Argo's analysis controller does: a merge patch on the run itself. */
  void patchRun(String name, String json) {
    connection.client().genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(NAMESPACE).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  void deleteRun(String name) {
    connection.client().genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(NAMESPACE).withName(name)
        .delete();
  }

  @Override
  public void close() {
    worker.shutdownNow();
    timers.shutdownNow();
    hub.close();
    connection.close();
    sandbox.close();
  }
}
