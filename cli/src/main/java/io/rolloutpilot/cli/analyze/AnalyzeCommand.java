package io.rolloutpilot.cli.analyze;

import io.rolloutpilot.cli.common.ClusterOptions;
import io.rolloutpilot.cli.common.EventPrinter;
import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.cli.common.OutputOptions;
import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.analysis.AnalysisOutcome;
import io.rolloutpilot.core.analysis.CanaryStarts;
import io.rolloutpilot.core.analysis.CanaryTarget;
import io.rolloutpilot.core.analysis.PrometheusJudgeRequest;
import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisRequest;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisResult;
import io.rolloutpilot.core.analysis.argo.RunKind;
import io.rolloutpilot.core.analysis.judge.JudgeResult;
import io.rolloutpilot.core.analysis.prometheus.PrometheusEndpoint;
import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.analysis.spec.AnalysisSpecParser;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.validation.Durations;
import io.rolloutpilot.core.validation.Names;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code analyze}: judge a canary on Prometheus with our statistics (Mode B), or follow a Rollout's Argo
 * AnalysisRun to its end (Mode A, {@code --analysis-runs}). All input is validated before anything is
 * queried; the verdict decides the exit code.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = {
    "Judge a canary against its baseline on Prometheus (--prometheus URL --spec FILE), or follow the rollout's"
        + " current Argo AnalysisRun to its end (ROLLOUT --analysis-runs).",
    "Exit 0 PASSED, 1 FAILED (also TIMED_OUT and ABORTED), 2 bad input, 3 ERROR (Prometheus or the cluster"
        + " failed, the run errored or vanished), 4 INCONCLUSIVE."})
public final class AnalyzeCommand implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Mixin
  OutputOptions outputOptions;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ROLLOUT",
      description = "the Rollout whose canary is judged (its current and stable pod hashes)")
  String rollout;

  @Option(names = "--analysis-runs", description = "follow the rollout's Argo AnalysisRun instead of judging on Prometheus")
  boolean analysisRuns;

  @Option(names = "--run", paramLabel = "any|step|background", defaultValue = "any",
      description = "with --analysis-runs: which current run to follow (default: ${DEFAULT-VALUE}, the step run first)")
  String runKind;

  @Option(names = "--prometheus", paramLabel = "URL", description = "Prometheus base URL (default: prometheus.url in the spec)")
  String prometheus;

  @Option(names = "--spec", paramLabel = "FILE", description = "analysis spec (YAML): window, selectors, metrics")
  Path specFile;

  @Option(names = "--canary-hash", paramLabel = "H", description = "pod template hash of the canary (instead of ROLLOUT)")
  String canaryHash;

  @Option(names = "--stable-hash", paramLabel = "H", description = "pod template hash of the baseline (instead of ROLLOUT)")
  String stableHash;

  @Option(names = "--since", paramLabel = "TIME", description = "when the canary started (t0): RFC 3339, or a duration"
      + " ago such as 30m, within the last 30 days (default: the canary ReplicaSet's creation with ROLLOUT, else"
      + " now)")
  String since;

  @Option(names = "--timeout", paramLabel = "D", defaultValue = "0",
      description = "give up after D with TIMED_OUT (e.g. 30m), even in the middle of a Prometheus request; 0 waits"
          + " for the verdict (default: ${DEFAULT-VALUE})")
  String timeout;

  @Option(names = "--max-outage", paramLabel = "D", defaultValue = "2m",
      description = "with --analysis-runs: give up with ERROR (exit 3) when the API server has been unreachable for"
          + " D (default: ${DEFAULT-VALUE})")
  String maxOutage;

  @Override
  public Integer call() throws InterruptedException {
    Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), outputOptions.format());
    cluster.namespace();
    Duration deadline = Durations.parse("timeout", timeout);
    if (rollout != null) {
      Names.requireSubdomain("rollout", rollout);
    }
    return analysisRuns ? followRuns(output, deadline) : judge(output, deadline);
  }

  private int followRuns(Output output, Duration deadline) {
    if (rollout == null) {
      throw new InvalidInputException("rollout", "--analysis-runs needs ROLLOUT, the Rollout whose AnalysisRun to"
          + " follow");
    }
    if (specFile != null || prometheus != null || canaryHash != null || stableHash != null || since != null) {
      throw new InvalidInputException("analysisRuns", "follows Argo's own run; --spec, --prometheus, --canary-hash,"
          + " --stable-hash and --since belong to the Prometheus judge");
    }
    RunKind kind = runKind();
    Duration outage = Durations.parse("maxOutage", maxOutage);
    try (RolloutPilotEngine engine = RolloutPilotEngine.connect(ClusterConnection.open(cluster.access()))) {
      ArgoAnalysisResult result = engine.analysis().followRuns(
          new ArgoAnalysisRequest(new RolloutRef(engine.namespace(), rollout), kind, deadline, outage),
          new EventPrinter(output));
      return render(output, result.mode(), result, new AnalysisText().argo(result), result.verdict());
    }
  }

  private int judge(Output output, Duration deadline) throws InterruptedException {
    if (specFile == null) {
      throw new InvalidInputException("spec", "is required: --prometheus URL --spec FILE [ROLLOUT | --canary-hash H"
          + " --stable-hash H], or ROLLOUT --analysis-runs to follow Argo's AnalysisRun");
    }
    if ((canaryHash == null) != (stableHash == null) || (canaryHash == null) == (rollout == null)) {
      throw new InvalidInputException("canaryHash", "give either ROLLOUT or both --canary-hash and --stable-hash");
    }
    AnalysisSpec analysis = new AnalysisSpecParser().parse(specFile);
    PrometheusEndpoint endpoint = new PrometheusEndpoints(System.getenv()).endpoint(prometheus, analysis);
    Instant start = since == null ? null : CanaryStarts.parse("since", since, Clock.systemUTC());
    if (rollout == null) {
      CanaryTarget target = new CanaryTarget(canaryHash, stableHash, start == null ? Instant.now() : start,
          start == null ? "now" : "given");
      try (RolloutPilotEngine engine = RolloutPilotEngine.withoutCluster()) {
        return judge(engine, output, new PrometheusJudgeRequest(analysis, endpoint, target, deadline));
      }
    }
    try (RolloutPilotEngine engine = RolloutPilotEngine.connect(ClusterConnection.open(cluster.access()))) {
      CanaryTarget target = engine.analysis().canaryTarget(new RolloutRef(engine.namespace(), rollout), start);
      return judge(engine, output, new PrometheusJudgeRequest(analysis, endpoint, target, deadline));
    }
  }

  private static int judge(RolloutPilotEngine engine, Output output, PrometheusJudgeRequest request)
      throws InterruptedException {
    CanaryTarget target = request.target();
    if (output.json()) {
      Map<String, Object> started = new LinkedHashMap<>();
      started.put("event", "JudgementStarted");
      started.put("canaryHash", target.canaryHash());
      started.put("stableHash", target.stableHash());
      started.put("start", target.start().toString());
      started.put("startSource", target.startSource());
      started.put("prometheus", request.endpoint().display());
      output.progressJson(started);
    } else {
      output.progress("judging canary " + target.canaryHash() + " against " + target.stableHash() + " from "
          + target.start() + " (" + target.startSource() + ") on " + request.endpoint().display());
    }
    JudgeResult result = engine.analysis().judge(request, new EventPrinter(output));
    return render(output, result.mode(), result, new AnalysisText().judge(result), result.verdict());
  }

  private RunKind runKind() {
    try {
      return RunKind.valueOf(runKind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("runKind", "'" + runKind + "' is not allowed; use any, step or background");
    }
  }

  private static int render(Output output, String mode, AnalysisOutcome result, List<String> text,
      Verdict verdict) {
    if (output.json()) {
      output.document(new AnalysisJson().document(mode, result));
    } else {
      text.forEach(output::line);
    }
    return exitCode(verdict);
  }

  /** PASSED 0; FAILED, TIMED_OUT and ABORTED 1 (the release must not go on); ERROR 3; INCONCLUSIVE 4. */
  static int exitCode(Verdict verdict) {
    return switch (verdict) {
      case PASSED -> ExitCodes.OK;
      case INCONCLUSIVE -> ExitCodes.INCONCLUSIVE;
      case ERROR -> ExitCodes.ENVIRONMENT;
      default -> ExitCodes.RELEASE_FAILED;
    };
  }
}
