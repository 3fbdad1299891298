package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolloutpilot.testkit.prometheus.PrometheusRig;
import io.rolloutpilot.testkit.prometheus.SyntheticTraffic;
import io.rolloutpilot.testkit.prometheus.TrafficProfile;
import io.rolloutpilot.sandbox.sim.AnalysisOutcome;
import io.rolloutpilot.sandbox.sim.AnalysisOutcomePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code analyze} end to end: Mode A against the sandbox's simulated Argo controller, Mode B against a real
 * Prometheus backfilled with seeded synthetic traffic (70 minutes, 100 requests/s per pod group).
 */
class AnalyzeCommandTest {
  private static final String SPEC = String.join("\n",
      "window: { warmup: 5m, duration: 60m, step: 1m }",
      "selectors: { canary: 'rollouts_pod_template_hash=\"{{canaryHash}}\"', baseline: 'rollouts_pod_template_hash=\"{{stableHash}}\"' }",
      "metrics:",
      "  - name: error-ratio",
      "    numerator: 'sum(increase(http_requests_total{ {{selector}}, code=~\"5..\" }[1m]))'",
      "    denominator: 'sum(increase(http_requests_total{ {{selector}} }[1m]))'",
      "    margin: { absolute: 0.002 }",
      "    minVolume: 1000",
      "    critical: true",
      "  - name: p99-latency",
      "    query: 'histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{ {{selector}} }[1m])))'",
      "    margin: { ratio: 0.10 }",
      "");

  /** Simulated Argo analysis: tags ending in "bad" fail, in "unsure" are inconclusive, the rest pass; one measurement each. */
  private static final AnalysisOutcomePolicy BY_TAG = run -> {
    String tag = run.canaryImages().getOrDefault("app", "");
    String phase = tag.endsWith("bad") ? "Failed" : tag.endsWith("unsure") ? "Inconclusive" : "Successful";
    AnalysisOutcome.MetricResult metric = new AnalysisOutcome.MetricResult("success-rate", phase, null,
        List.of(new AnalysisOutcome.Measurement(phase, phase.equals("Successful") ? "[0.99]" : "[0.5]", null)));
    return new AnalysisOutcome(phase, phase.equals("Successful") ? "" : "Metric \"success-rate\" assessed " + phase,
        Duration.ofMillis(300), List.of(metric));
  };

  private static SandboxFixture sandbox;
  private static PrometheusRig prometheus;
  private static Instant start;
  private static Path dir;

  @BeforeAll
  static void start() throws Exception {
    dir = SandboxFixture.tempDir();
    sandbox = new SandboxFixture(dir);
    sandbox.sandbox().controller().setAnalysisOutcomePolicy(BY_TAG);
    start = Instant.ofEpochSecond((Instant.now().getEpochSecond() - 3 * 3600) / 60 * 60);
    Path traffic = Files.createTempFile(dir, "traffic", ".om");
    new SyntheticTraffic(start.getEpochSecond(), start.getEpochSecond() + 70 * 60, 15, 7L).write(traffic, List.of(
        new TrafficProfile("stable1", 100, 0.002, 0.05, 0.5),
        new TrafficProfile("good1", 100, 0.002, 0.05, 0.5),
        new TrafficProfile("errs1", 100, 0.006, 0.05, 0.5),
        new TrafficProfile("quiet1", 0, 0, 0.05, 0.5)));
    prometheus = PrometheusRig.start(traffic);
    Files.writeString(dir.resolve("spec.yaml"), SPEC);
  }

  @AfterAll
  static void stop() throws Exception {
    sandbox.close();
    prometheus.close();
  }

  private static Cli.Run judge(String canary, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("analyze", "--prometheus", prometheus.url(), "--spec",
        dir.resolve("spec.yaml").toString(), "--canary-hash", canary, "--stable-hash", "stable1", "--since",
        start.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void aGoodCanaryPassesWithOneLinePerMetric() {
    Cli.Run run = judge("good1");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.firstLine()).startsWith("PASSED - score 100.00");
    assertThat(run.out()).containsPattern("(?m)^  error-ratio +PASS +non-inferior: .* \\[canary 56, baseline 56 samples, critical]$")
        .containsPattern("(?m)^  p99-latency +PASS +non-inferior: ");
    assertThat(run.err()).contains("judging canary good1 against stable1 from " + start + " (given)");
  }

  @Test
  void threeTimesTheErrorRatioFailsWithExitOneAndStrictJson() {
    Cli.Run run = judge("errs1", "-o", "json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    JsonNode json = run.json();
    assertThat(json.path("mode").asText()).isEqualTo("prometheus");
    assertThat(json.path("verdict").asText()).isEqualTo("FAILED");
    assertThat(json.path("metrics").get(0).path("verdict").asText()).isEqualTo("HIGH");
    assertThat(json.path("metrics").get(0).path("statistics").path("pValue").isNumber()).isTrue();
    assertThat(json.path("canaryStart").asText()).isEqualTo(start.toString());
    assertThat(run.err().lines()).allSatisfy(line -> assertThat(line).startsWith("{\"event\":\""));
    assertThat(run.err()).contains("{\"event\":\"JudgementStarted\"").contains("{\"event\":\"JudgementLook\"");
  }

  @Test
  void aCanaryWithoutTrafficIsInconclusiveWithExitFourAndNullForUndefinedNumbers() {
    Cli.Run run = judge("quiet1", "-o", "json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(4);
    JsonNode json = run.json();
    assertThat(json.path("verdict").asText()).isEqualTo("INCONCLUSIVE");
    assertThat(json.path("score").isNull()).isTrue();
    assertThat(json.path("metrics").get(1).path("margin").isNull()).isTrue();
    assertThat(run.out()).doesNotContain("NaN");
  }

  @Test
  void aBadQueryIsAnErrorWithExitThreeShowingTheQuery() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, SPEC.replace("sum by (le) (rate(", "sum by (le) ((rate("));
    Cli.Run run = Cli.run("analyze", "--prometheus", prometheus.url(), "--spec", bad.toString(), "--canary-hash", "good1",
        "--stable-hash", "stable1", "--since", start.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.firstLine()).startsWith("ERROR - p99-latency: HTTP 400 bad_data");
    assertThat(run.out()).contains("query: histogram_quantile(0.99, sum by (le) ((rate(");
  }

  @Test
  void aQuantileWrittenInPercentReadsInfinityAndIsNeverAPass() throws Exception {
    // histogram_quantile(99, ...) for 0.99: Prometheus answers +Inf for every sample of both groups
    Path percent = dir.resolve("percent.yaml");
    Files.writeString(percent, SPEC.replace("histogram_quantile(0.99,", "histogram_quantile(99,"));
    for (String format : List.of("text", "json")) {
      Cli.Run run = Cli.run("analyze", "--prometheus", prometheus.url(), "--spec", percent.toString(),
          "--canary-hash", "good1", "--stable-hash", "stable1", "--since", start.toString(), "-o", format);

      assertThat(run.exit()).as(run.toString()).isEqualTo(4);
      assertThat(run.out()).as(run.toString()).contains("56 canary and 56 baseline samples were infinite")
          .doesNotContain("PASSED");
    }
  }

  @Test
  void badInputIsExitTwoBeforeAnythingIsQueried() throws Exception {
    Path unknown = dir.resolve("unknown.yaml");
    Files.writeString(unknown, SPEC + "colour: blue\n");
    Cli.Run run = Cli.run("analyze", "--prometheus", "http://127.0.0.1:1", "--spec", unknown.toString(),
        "--canary-hash", "good1", "--stable-hash", "stable1");
    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("colour");

    Cli.Run both = Cli.run("analyze", "guestbook", "--spec", unknown.toString(), "--canary-hash", "a1");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("give either ROLLOUT or both --canary-hash and --stable-hash");
    assertThat(Cli.run("analyze", "--analysis-runs").exit()).isEqualTo(2);
  }

  @Test
  void theRolloutNamesTheHashesAndTheCanaryReplicaSetGivesTheStart() {
    sandbox.sandbox().controller().setAnalysisOutcomePolicy(AnalysisOutcomePolicy.manual());
    String name = sandbox.rollout("judged", SandboxFixture.TIMED);
    sandbox.cli("deploy", name, "--image", "app=registry.example.com/" + name + ":2", "--wait", "none");
    JsonNode status;
    try {
      status = sandbox.awaitStatus(name, s -> !s.path("analysisRun").path("name").asText().isEmpty());
    } finally {
      sandbox.sandbox().controller().setAnalysisOutcomePolicy(BY_TAG);
    }

    Cli.Run run = sandbox.cli("analyze", name, "--prometheus", prometheus.url(), "--spec",
        dir.resolve("spec.yaml").toString(), "--timeout", "1s");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.firstLine()).startsWith("TIMED_OUT - deadline");
    assertThat(run.err()).contains("judging canary " + status.path("canaryHash").asText() + " against "
        + status.path("stableHash").asText(), "(creation of ReplicaSet " + name + "-");
  }

  @Test
  void modeAFollowsTheRunToPassedFailedAndInconclusive() {
    String good = sandbox.rollout("argo-good", SandboxFixture.TIMED);
    sandbox.cli("deploy", good, "--image", "app=registry.example.com/" + good + ":2", "--wait", "none");
    Cli.Run passed = sandbox.cli("analyze", good, "--analysis-runs", "--timeout", "30s");
    assertThat(passed.exit()).as(passed.toString()).isZero();
    assertThat(passed.firstLine()).startsWith("PASSED - AnalysisRun " + good + "-");
    assertThat(passed.out()).containsPattern("(?m)^  success-rate +Successful +1 measurement\\(s\\) \\(1 successful\\),"
        + " within its limits \\(failed 0/0 allowed, inconclusive 0/0 allowed, consecutive errors 0/4 allowed\\)$");
    assertThat(passed.err()).contains("following AnalysisRun " + good + "-");

    String bad = sandbox.rollout("argo-bad", SandboxFixture.TIMED);
    sandbox.cli("deploy", bad, "--image", "app=registry.example.com/" + bad + ":bad", "--wait", "none");
    Cli.Run failed = sandbox.cli("analyze", bad, "--analysis-runs", "-o", "json", "--timeout", "30s");
    assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.json().path("mode").asText()).isEqualTo("argo");
    assertThat(failed.json().path("verdict").asText()).isEqualTo("FAILED");
    assertThat(failed.json().path("metrics").get(0).path("measurements")).hasSize(1);

    String unsure = sandbox.rollout("argo-unsure", SandboxFixture.TIMED);
    sandbox.cli("deploy", unsure, "--image", "app=registry.example.com/" + unsure + ":unsure", "--wait", "none");
    Cli.Run inconclusive = sandbox.cli("analyze", unsure, "--analysis-runs", "--timeout", "30s");
    assertThat(inconclusive.exit()).as(inconclusive.toString()).isEqualTo(4);
    assertThat(inconclusive.firstLine()).startsWith("INCONCLUSIVE - AnalysisRun ").contains("promote or abort");
  }
}
