package io.rolloutpilot.core.analysis.argo;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.event.AnalysisRunFollowed;
import io.rolloutpilot.core.event.AnalysisRunPhaseChanged;
import io.rolloutpilot.core.event.EngineEvent;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.MeasurementTaken;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.ArgoResources;
import io.rolloutpilot.core.rollout.DeployRequest;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.sandbox.CanaryManifests;
import io.rolloutpilot.sandbox.Polling;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A sandbox with the engine connected to it as a front end connects it; one per test. */
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
  final RolloutPilotEngine engine;
  final List<EngineEvent> events = new CopyOnWriteArrayList<>();

  ArgoFixture() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withPodReadyDelay(Duration.ofMillis(50)));
    engine = RolloutPilotEngine.connect(ClusterConnection.open(sandbox.config(), NAMESPACE));
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

  void deploy(RolloutRef ref, String tag) throws InterruptedException {
    engine.rollouts().deploy(new DeployRequest(ref, "app", "registry.example.com/" + ref.name() + ":" + tag, null,
        null, null), EngineListener.NONE);
  }

  ArgoAnalysisResult follow(RolloutRef ref, Duration timeout) {
    return engine.analysis().followRuns(new ArgoAnalysisRequest(ref, RunKind.ANY, timeout), events::add);
  }

  CompletableFuture<ArgoAnalysisResult> followInBackground(RolloutRef ref, Duration timeout) {
    return CompletableFuture.supplyAsync(() -> follow(ref, timeout));
  }

  Rollout awaitRollout(RolloutRef ref, Predicate<Rollout> condition) {
    return Polling.until(Duration.ofSeconds(20), Duration.ofMillis(20), () -> engine.rollouts().get(ref), condition,
        last -> "rollout " + ref + " never reached the expected state; last: " + last);
  }

  /** Waits until the follower has reported an event of this type that passes the test; returns it. */
  <T extends EngineEvent> T awaitEvent(Class<T> type, Predicate<T> test) {
    return Polling.until(Duration.ofSeconds(20), Duration.ofMillis(10),
        () -> events.stream().filter(type::isInstance).map(type::cast).filter(test).findFirst().orElse(null),
        Objects::nonNull, none -> "no " + type.getSimpleName() + " as expected; events: " + events);
  }

  /** The name of the AnalysisRun the follower follows, once it does. */
  String runName() {
    return awaitEvent(AnalysisRunFollowed.class, e -> true).run();
  }

  void awaitRunning() {
    awaitEvent(AnalysisRunPhaseChanged.class, e -> "Running".equals(e.phase()));
  }

  /** How many times the follower reported a measurement of this value. */
  long measurementsReported(String value) {
    return events.stream().filter(e -> e instanceof MeasurementTaken m && m.value().equals(value)).count();
  }

  /** Writes an AnalysisRun's status as Argo's analysis controller does: a merge patch on the run itself. */
  void patchRun(String name, String json) {
    sandbox.client().genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(NAMESPACE).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  void deleteRun(String name) {
    sandbox.client().genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(NAMESPACE).withName(name)
        .delete();
  }

  @Override
  public void close() {
    engine.close();
    sandbox.close();
  }
}
