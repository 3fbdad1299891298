package io.rolloutpilot.cli.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.rolloutpilot.core.rollout.ArgoResources;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import io.rolloutpilot.sandbox.sim.AnalysisOutcome;
import io.rolloutpilot.sandbox.sim.AnalysisOutcomePolicy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.kube.ClusterAccess;
import io.rolloutpilot.core.kube.ClusterConnection;

/**
 * The demo's stage: an in-process sandbox with the sample rollout and an analysis outcome chosen by
 * the canary's image tag. The only class of the demo that touches sandbox classes, so it is loaded
 * once {@code SandboxJar} found them.
 */
final class DemoSandbox {
  /** Simulated analysis fails for canary images whose tag says so; everything else passes. */
  static final String BAD_TAG_MARKER = "bad";
  private static final Duration ANALYSIS_TIME = Duration.ofSeconds(1);

  private final Duration podReadyDelay;
  private final DemoLog log;
  private final PrintWriter err;

  DemoSandbox(Duration podReadyDelay, DemoLog log, PrintWriter err) {
    this.podReadyDelay = podReadyDelay;
    this.log = log;
    this.err = err;
  }

  int play() throws Exception {
    log.section("Starting a sandbox: a Kubernetes API with the Argo Rollouts controller simulator");
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withPodReadyDelay(podReadyDelay))) {
      sandbox.controller().setAnalysisOutcomePolicy(analysisPolicy());
      log.line("API server at " + sandbox.url() + "; simulated analysis fails canaries whose image tag contains '"
          + BAD_TAG_MARKER + "'");
      RolloutRef ref = sampleRollout(sandbox);
      Path kubeconfig = sandbox.writeKubeconfig(Files.createTempFile("rollout-pilot-demo-", ".kubeconfig"));
      ExecutorService promoter = Executors.newSingleThreadExecutor();
      try (RolloutPilotEngine engine = RolloutPilotEngine.connect(ClusterConnection.open(
          new ClusterAccess.Kubeconfig(kubeconfig, null, null)))) {
        return new DemoScript(log, engine.rollouts(), ref, promoter, err,
            run -> analysisRunPhase(sandbox, ref.namespace(), run)).play();
      } finally {
        promoter.shutdownNow();
        Files.deleteIfExists(kubeconfig);
      }
    }
  }

  /** Creates the sandbox's sample (an AnalysisTemplate and a Rollout) and returns the Rollout. */
  private static RolloutRef sampleRollout(Sandbox sandbox) {
    return sandbox.applySample().stream().filter(item -> "Rollout".equals(item.getKind()))
        .map(HasMetadata::getMetadata).map(m -> new RolloutRef(m.getNamespace(), m.getName())).findFirst()
        .orElseThrow(() -> new IllegalStateException("the sandbox sample holds no Rollout"));
  }

  /** The run's own {@code status.phase}; the Rollout only mirrors it while the step runs. */
  private static String analysisRunPhase(Sandbox sandbox, String namespace, String name) {
    GenericKubernetesResource run = sandbox.client().genericKubernetesResources(ArgoResources.ANALYSIS_RUNS)
        .inNamespace(namespace).withName(name).get();
    Object status = run == null ? null : run.getAdditionalProperties().get("status");
    Object phase = status instanceof Map<?, ?> map ? map.get("phase") : null;
    return phase == null ? "unknown" : phase.toString();
  }

  static AnalysisOutcomePolicy analysisPolicy() {
    return run -> run.canaryImages().values().stream().anyMatch(DemoSandbox::hasBadTag)
        ? AnalysisOutcome.failed("metric \"success-rate\" assessed Failed: 0.82 < 0.95 (simulated)").after(ANALYSIS_TIME)
        : AnalysisOutcome.successful().after(ANALYSIS_TIME);
  }

  static boolean hasBadTag(String image) {
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') && image.substring(colon + 1).contains(BAD_TAG_MARKER);
  }
}
