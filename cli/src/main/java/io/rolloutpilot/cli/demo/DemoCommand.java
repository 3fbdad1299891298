package io.rolloutpilot.cli.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.rolloutpilot.cli.EngineSession;
import io.rolloutpilot.core.rollout.ArgoResources;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.validation.Durations;
import io.rolloutpilot.testkit.Sandbox;
import io.rolloutpilot.testkit.SandboxOptions;
import io.rolloutpilot.testkit.sim.AnalysisOutcome;
import io.rolloutpilot.testkit.sim.AnalysisOutcomePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole story in one command, on an in-process sandbox: a good version goes through
 * every canary step to Healthy, then a bad one is stopped by its analysis and aborted.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "Start a sandbox, create the sample rollout, release a good version through every canary step, then a bad"
        + " version whose analysis fails and is aborted, and summarise what happened.",
    "Exit 0 when the demo behaved as designed."})
public final class DemoCommand implements Callable<Integer> {
  /** Simulated analysis fails for canary images whose tag says so; everything else passes. */
  static final String BAD_TAG_MARKER = "bad";
  private static final Duration ANALYSIS_TIME = Duration.ofSeconds(1);

  @Option(names = "--pod-ready-delay", paramLabel = "D", defaultValue = "300ms",
      description = "how long simulated pods take to become ready (default: ${DEFAULT-VALUE})")
  String podReadyDelay;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Duration delay = Durations.parse("--pod-ready-delay", podReadyDelay);
    DemoLog log = new DemoLog(spec.commandLine().getOut());
    log.section("Starting a sandbox: a Kubernetes API with the Argo Rollouts controller simulator");
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withPodReadyDelay(delay))) {
      sandbox.controller().setAnalysisOutcomePolicy(analysisPolicy());
      log.line("API server at " + sandbox.url() + "; simulated analysis fails canaries whose image tag contains '"
          + BAD_TAG_MARKER + "'");
      RolloutRef ref = sampleRollout(sandbox);
      Path kubeconfig = sandbox.writeKubeconfig(Files.createTempFile("rollout-pilot-demo-", ".kubeconfig"));
      ExecutorService promoter = Executors.newSingleThreadExecutor();
      try (EngineSession session = EngineSession.open(kubeconfig, null, null)) {
        return new DemoScript(log, session, ref, promoter, spec.commandLine().getErr(),
            run -> analysisRunPhase(sandbox, ref.namespace(), run)).play();
      } finally {
        promoter.shutdownNow();
        Files.deleteIfExists(kubeconfig);
      }
    }
  }

  /** Creates the testkit's sample (an AnalysisTemplate and a Rollout) and returns the Rollout. */
  private static RolloutRef sampleRollout(Sandbox sandbox) {
    return sandbox.applySample().stream().filter(item -> "Rollout".equals(item.getKind()))
        .map(HasMetadata::getMetadata).map(m -> new RolloutRef(m.getNamespace(), m.getName())).findFirst()
        .orElseThrow(() -> new IllegalStateException("the testkit sample holds no Rollout"));
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
    return run -> run.canaryImages().values().stream().anyMatch(DemoCommand::hasBadTag)
        ? AnalysisOutcome.failed("metric \"success-rate\" assessed Failed: 0.82 < 0.95 (simulated)").after(ANALYSIS_TIME)
        : AnalysisOutcome.successful().after(ANALYSIS_TIME);
  }

  static boolean hasBadTag(String image) {
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') && image.substring(colon + 1).contains(BAD_TAG_MARKER);
  }
}
