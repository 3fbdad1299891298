package io.rolloutpilot.core.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.analysis.CanaryTarget;
import io.rolloutpilot.core.analysis.Deadline;
import io.rolloutpilot.core.analysis.DeadlineReached;
import io.rolloutpilot.core.analysis.PrometheusJudgeRequest;
import io.rolloutpilot.core.analysis.Sleeper;
import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.analysis.judge.JudgeResult;
import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.analysis.spec.AnalysisSpecParser;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.testkit.prometheus.StallingPrometheus;
import io.rolloutpilot.testkit.prometheus.StallingPrometheus.Stall;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Prometheus that accepts the connection and then stalls (silent, headers and then nothing, one byte every
 * 2 s) holds neither a request past the endpoint's timeout nor an analysis past its deadline.
 */
class PrometheusDeadlineTest {
  private static final Duration DRIP = Duration.ofSeconds(2);
  private static final Duration SLACK = Duration.ofMillis(2500);
  private static final String SPEC = String.join("\n",
      "window: { duration: 30m, step: 1m }",
      "selectors: { canary: 'h=\"{{canaryHash}}\"', baseline: 'h=\"{{stableHash}}\"' }",
      "metrics:",
      "  - { name: latency, query: 'q{ {{selector}} }' }",
      "");

  @ParameterizedTest
  @EnumSource(Stall.class)
  void eachRequestEndsWithinTheEndpointTimeoutBodyIncluded(Stall stall) throws Exception {
    try (StallingPrometheus prometheus = StallingPrometheus.start(stall, DRIP)) {
      PrometheusClient client = new PrometheusClient(HttpClient.newHttpClient(),
          PrometheusEndpoint.of(prometheus.url(), Credentials.NONE, Duration.ofSeconds(1)),
          new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)), Sleeper.REAL, EngineListener.NONE);
      long started = System.nanoTime();

      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
          () -> client.queryRange("up", 0, 60_000, 60_000)).isInstanceOfSatisfying(PrometheusException.class,
              e -> assertThat(e.errorType()).isEqualTo("timeout")).hasMessageContaining("within 1000 ms")
          .hasMessageContaining("gave up after 2 attempts"));

      assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(2).plus(SLACK));
      assertThat(prometheus.requests()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Stall.class)
  void theAnalysisDeadlineCutsARequestShort(Stall stall) throws Exception {
    try (StallingPrometheus prometheus = StallingPrometheus.start(stall, DRIP)) {
      PrometheusClient client = new PrometheusClient(HttpClient.newHttpClient(),
          PrometheusEndpoint.of(prometheus.url(), Credentials.NONE, Duration.ofSeconds(30)), RetryPolicy.DEFAULT,
          Sleeper.REAL, EngineListener.NONE, Deadline.after(Duration.ofSeconds(2), Clock.systemUTC()));
      long started = System.nanoTime();

      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
          () -> client.queryRange("up", 0, 60_000, 60_000)).isInstanceOf(DeadlineReached.class)
          .hasMessageContaining("waiting for Prometheus query_range"));

      assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(2).plus(SLACK));
    }
  }

  @ParameterizedTest
  @EnumSource(Stall.class)
  void aJudgementOnAStallingPrometheusTimesOutPromptlyAtItsDeadline(Stall stall) throws Exception {
    AnalysisSpec spec = new AnalysisSpecParser().parse(SPEC);
    try (StallingPrometheus prometheus = StallingPrometheus.start(stall, DRIP);
        RolloutPilotEngine engine = RolloutPilotEngine.withoutCluster()) {
      PrometheusJudgeRequest request = new PrometheusJudgeRequest(spec, PrometheusEndpoint.of(prometheus.url(),
          Credentials.NONE, Duration.ofSeconds(30)), new CanaryTarget("abc123", "def456",
          Instant.now().minus(Duration.ofHours(2)), "given"), Duration.ofSeconds(3));
      long started = System.nanoTime();

      JudgeResult result = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> engine.analysis().judge(request, EngineListener.NONE));

      assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.TIMED_OUT);
      assertThat(result.reason()).startsWith("deadline 3s reached while waiting for Prometheus query_range");
      assertThat(elapsed(started)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(3).plus(SLACK));
    }
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
