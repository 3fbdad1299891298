package io.rolloutpilot.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.Sleeper;
import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.analysis.judge.Aggregator;
import io.rolloutpilot.core.analysis.judge.CanaryJudge;
import io.rolloutpilot.core.analysis.judge.JudgeRequest;
import io.rolloutpilot.core.analysis.judge.JudgeResult;
import io.rolloutpilot.core.analysis.judge.MetricDecider;
import io.rolloutpilot.core.analysis.judge.MetricResult;
import io.rolloutpilot.core.analysis.judge.MetricSource;
import io.rolloutpilot.core.analysis.judge.QueryPlanner;
import io.rolloutpilot.core.analysis.prometheus.Credentials;
import io.rolloutpilot.core.analysis.prometheus.PrometheusClient;
import io.rolloutpilot.core.analysis.prometheus.PrometheusEndpoint;
import io.rolloutpilot.core.analysis.prometheus.PrometheusMetricSource;
import io.rolloutpilot.core.analysis.prometheus.RetryPolicy;
import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.analysis.spec.AnalysisSpecParser;
import io.rolloutpilot.core.analysis.stats.MannWhitneyTest;
import io.rolloutpilot.core.analysis.stats.TwoSampleComparator;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.rolloutpilot.testkit.prometheus.SyntheticTraffic;
import io.rolloutpilot.testkit.prometheus.TrafficProfile;
import io.rolloutpilot.testkit.prometheus.PrometheusRig;

/**
 * Mode B end to end on a real Debian Prometheus whose TSDB was backfilled with seeded synthetic traffic
 * (70 minutes, 100 requests/s per group, scraped every 15 s).
 */
class PrometheusJudgeTest {
  static final long SEED = 20260101L;
  static final String STABLE = "stable1";

  static final String SPEC = String.join("\n",
      "window: { warmup: 5m, duration: 60m, step: 1m }",
      "selectors: { canary: 'rollouts_pod_template_hash=\"{{canaryHash}}\"', baseline: 'rollouts_pod_template_hash=\"{{stableHash}}\"' }",
      "alpha: 0.01",
      "scoring: { pass: 95, marginal: 75, groupWeights: { errors: 50, latency: 50 } }",
      "metrics:",
      "  - name: error-ratio",
      "    numerator: 'sum(increase(http_requests_total{ {{selector}}, code=~\"5..\" }[1m]))'",
      "    denominator: 'sum(increase(http_requests_total{ {{selector}} }[1m]))'",
      "    margin: { absolute: 0.002 }",
      "    absolute: { max: 0.05 }",
      "    minVolume: 1000",
      "    critical: true",
      "    group: errors",
      "  - name: p99-latency",
      "    query: 'histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{ {{selector}} }[1m])))'",
      "    margin: { ratio: 0.10 }",
      "    group: latency",
      "");

  static Instant start;
  static PrometheusRig rig;

  @BeforeAll
  static void backfillAndStart() throws Exception {
    start = Instant.ofEpochSecond((Instant.now().getEpochSecond() - 3 * 3600) / 60 * 60);
    rig = PrometheusRig.start(traffic(start));
  }

  @AfterAll
  static void stopPrometheus() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  static Path traffic(Instant from) throws Exception {
    Path file = Files.createTempFile("traffic", ".om");
    new SyntheticTraffic(from.getEpochSecond(), from.getEpochSecond() + 70 * 60, 15, SEED).write(file, List.of(
        new TrafficProfile(STABLE, 100, 0.002, 0.05, 0.5),
        new TrafficProfile("good1", 100, 0.002, 0.05, 0.5),
        new TrafficProfile("errs1", 100, 0.006, 0.05, 0.5),
        new TrafficProfile("slow1", 100, 0.002, 0.08, 0.5),
        new TrafficProfile("quiet1", 0, 0, 0.05, 0.5)));
    return file;
  }

  static JudgeResult judge(String spec, String canaryHash, MetricSource source, List<String> progress)
      throws Exception {
    return judge(spec, canaryHash, source, progress, start);
  }

  static JudgeResult judge(String spec, String canaryHash, MetricSource source, List<String> progress,
      Instant canaryStart) throws Exception {
    AnalysisSpec parsed = new AnalysisSpecParser().parse(spec);
    CanaryJudge judge = new CanaryJudge(source, new MetricDecider(new TwoSampleComparator(new MannWhitneyTest())),
        new Aggregator(), new QueryPlanner(), Clock.systemUTC(), Sleeper.REAL, event -> progress.add(event.toString()));
    return judge.judge(new JudgeRequest(parsed, canaryHash, STABLE, canaryStart, Duration.ofMinutes(5)));
  }

  /** A 15-minute window starting {@code minutes} after the traffic did, with 50 minutes of baseline history. */
  static String historySpec() {
    return SPEC.replace("window: { warmup: 5m, duration: 60m, step: 1m }",
        "window: { duration: 15m, step: 1m, rhoHistory: 50m }")
        .replace("    group: errors", "    minSamples: 15\n    group: errors")
        .replace("    group: latency", "    minSamples: 15\n    group: latency");
  }

  @Test
  void rhoComesFromTheBaselineHistoryWhenItExistsAndFromTheWindowOtherwise() throws Exception {
    List<String> progress = new CopyOnWriteArrayList<>();
    JudgeResult late = judge(historySpec(), "good1", source(rig.url(), progress), progress,
        start.plus(Duration.ofMinutes(52)));
    // A/A-like canary on 16 samples: PASS or, with so few, INCONCLUSIVE; never a regression.
    assertThat(late.verdict()).as(late.reason() + " " + late.metrics()).isIn(Verdict.PASSED, Verdict.INCONCLUSIVE);
    assertThat(metric(late, "p99-latency").statistics().rhoSource()).isEqualTo("baseline history, 50 samples");
    assertThat(metric(late, "error-ratio").statistics().rhoSource()).isEqualTo("baseline history, 50 samples");
    // Ten minutes in, the stable version has only ~9 steps of history: the window's own estimate is used.
    JudgeResult early = judge(historySpec(), "good1", source(rig.url(), progress), progress,
        start.plus(Duration.ofMinutes(10)));
    assertThat(metric(early, "p99-latency").statistics().rhoSource())
        .startsWith("in window, 32 samples (baseline history of ").contains("48 needed");
  }

  static PrometheusMetricSource source(String url, List<String> progress) {
    PrometheusClient client = new PrometheusClient(HttpClient.newHttpClient(),
        PrometheusEndpoint.of(url, Credentials.NONE, Duration.ofSeconds(5)),
        new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(100)), Sleeper.REAL, event -> progress.add(event.toString()));
    return new PrometheusMetricSource(client);
  }

  static MetricResult metric(JudgeResult result, String name) {
    return result.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aGoodCanaryPasses() throws Exception {
    List<String> progress = new CopyOnWriteArrayList<>();
    JudgeResult result = judge(SPEC, "good1", source(rig.url(), progress), progress);
    assertThat(result.verdict()).as(result.reason() + " " + result.metrics()).isEqualTo(Verdict.PASSED);
    MetricResult errors = metric(result, "error-ratio");
    assertThat(errors.verdict()).isEqualTo(MetricVerdict.PASS);
    assertThat(errors.canaryCount()).isEqualTo(56);
    assertThat(errors.statistics().countTest()).isNotNull();
    assertThat(errors.canaryQueries().get(0)).contains("rollouts_pod_template_hash=\"good1\"");
    assertThat(metric(result, "p99-latency").verdict()).isEqualTo(MetricVerdict.PASS);
    assertThat(result.score()).isEqualTo(100.0);
    assertThat(result.endpoint()).isEqualTo(rig.url());
  }

  @Test
  void threeTimesTheErrorRatioFails() throws Exception {
    List<String> progress = new CopyOnWriteArrayList<>();
    JudgeResult result = judge(SPEC, "errs1", source(rig.url(), progress), progress);
    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.FAILED);
    MetricResult errors = metric(result, "error-ratio");
    assertThat(errors.verdict()).isEqualTo(MetricVerdict.HIGH);
    assertThat(result.reason()).contains("critical metric error-ratio is HIGH");
    assertThat(errors.statistics().countTest().canaryRatio()).isBetween(0.004, 0.008);
  }

  @Test
  void aSlowCanaryFailsOnLatency() throws Exception {
    List<String> progress = new CopyOnWriteArrayList<>();
    JudgeResult result = judge(SPEC, "slow1", source(rig.url(), progress), progress);
    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.FAILED);
    MetricResult latency = metric(result, "p99-latency");
    assertThat(latency.verdict()).isEqualTo(MetricVerdict.HIGH);
    assertThat(latency.statistics().relativeChange()).isGreaterThan(0.15);
    assertThat(metric(result, "error-ratio").verdict()).isEqualTo(MetricVerdict.PASS);
    assertThat(result.score()).isEqualTo(50.0);
  }

  @Test
  void aCanaryWithoutTrafficIsInconclusive() throws Exception {
    List<String> progress = new CopyOnWriteArrayList<>();
    JudgeResult result = judge(SPEC, "quiet1", source(rig.url(), progress), progress);
    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.metrics()).allSatisfy(m -> assertThat(m.verdict()).isEqualTo(MetricVerdict.NO_DATA));
    assertThat(metric(result, "error-ratio").reason()).contains("receiving traffic");
  }

  @Test
  void multipleSeriesIsAnError() throws Exception {
    String spec = SPEC.replace("sum(increase(http_requests_total{ {{selector}} }[1m]))",
        "increase(http_requests_total{ {{selector}} }[1m])");
    List<String> progress = new CopyOnWriteArrayList<>();
    JudgeResult result = judge(spec, "good1", source(rig.url(), progress), progress);
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(metric(result, "error-ratio").reason()).contains("2 series returned").contains("aggregate");
  }

  @Test
  void aBadQueryIsAnErrorAtOnceShowingTheQuery() throws Exception {
    String spec = SPEC.replace("histogram_quantile(0.99, sum by (le)", "histogram_quantile(0.99, sum by (le)(");
    List<String> progress = new CopyOnWriteArrayList<>();
    JudgeResult result = judge(spec, "good1", source(rig.url(), progress), progress);
    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    MetricResult latency = metric(result, "p99-latency");
    assertThat(latency.reason()).contains("HTTP 400 bad_data").contains("query: histogram_quantile(0.99, sum by (le)( (rate(");
    assertThat(progress).noneMatch(line -> line.startsWith("RequestRetried"));
  }

  @Test
  void prometheusStoppedMidAnalysisIsAnErrorAfterBoundedRetries() throws Exception {
    try (PrometheusRig own = PrometheusRig.start(traffic(start))) {
      List<String> progress = new CopyOnWriteArrayList<>();
      PrometheusMetricSource real = source(own.url(), progress);
      MetricSource stopsAfterFirstMetric = new MetricSource() {
        @Override
        public io.rolloutpilot.core.analysis.judge.MetricData fetch(
            io.rolloutpilot.core.analysis.judge.QueryPlan plan, long s, long e, long step) {
          io.rolloutpilot.core.analysis.judge.MetricData data = real.fetch(plan, s, e, step);
          try {
            own.stop();
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
          return data;
        }

        @Override
        public String endpoint() {
          return real.endpoint();
        }
      };
      JudgeResult result = judge(SPEC, "good1", stopsAfterFirstMetric, progress);
      assertThat(own.running()).isFalse();
      assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(metric(result, "error-ratio").verdict()).isEqualTo(MetricVerdict.PASS);
      assertThat(metric(result, "p99-latency").reason()).contains("cannot reach").contains("gave up after 3 attempts");
      assertThat(progress).filteredOn(line -> line.startsWith("RequestRetried")).hasSize(2);
    }
  }
}
