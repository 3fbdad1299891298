package io.rolloutpilot.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.analysis.spec.AnalysisSpecParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryJudgeTest {
  private static final String SPEC = String.join("\n",
      "window: { duration: 30m, step: 1m, evaluateEvery: 10m }",
      "selectors: { canary: 'h=\"{{canaryHash}}\"', baseline: 'h=\"{{stableHash}}\"' }",
      "metrics:",
      "  - { name: latency, query: 'q{ {{selector}} }', margin: { absolute: 1 }, minSamples: 5, critical: true }",
      "");

  /** A clock that moves only when the judge sleeps. */
  static final class FakeTime {
    Instant now;
    final List<Duration> sleeps = new ArrayList<>();

    FakeTime(Instant now) {
      this.now = now;
    }

    Clock clock() {
      return new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
      };
    }
  }

  /**
   * Canary 100 vs baseline 1 on every sample: a clear regression from the first look. The small wobble is
   * shuffled (steps of 3 mod 7, 2 mod 5) rather than a sawtooth, whose ranks climb step after step: that is
   * strong autocorrelation, and with 11 samples per group at the first look its upper bound would rightly
   * keep the evidence short of α/10.
   */
  static final class SlowCanarySource implements MetricSource {
    final List<Long> ends = new ArrayList<>();

    @Override
    public MetricData fetch(QueryPlan plan, long start, long end, long step) {
      ends.add(end);
      int n = (int) ((end - start) / step) + 1;
      double[] c = new double[n];
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        c[i] = 100 + (3 * i) % 7;
        b[i] = 1 + (2 * i) % 5;
      }
      return JudgeFixtures.data(plan.metric(), c, b);
    }

    @Override
    public String endpoint() {
      return "http://prometheus.test";
    }
  }

  private final AnalysisSpec spec = new AnalysisSpecParser().parse(SPEC);
  private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

  private CanaryJudge judge(MetricSource source, FakeTime time) {
    return new CanaryJudge(source, JudgeFixtures.decider(), new Aggregator(), new QueryPlanner(), time.clock(),
        d -> { time.sleeps.add(d); time.now = time.now.plus(d); }, line -> { });
  }

  @Test
  void aWindowInThePastIsJudgedOnceAtItsEnd() throws Exception {
    FakeTime time = new FakeTime(t0.plus(Duration.ofHours(2)));
    SlowCanarySource source = new SlowCanarySource();
    JudgeResult result = judge(source, time).judge(new JudgeRequest(spec, "abc123", "def456", t0, null));
    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.looks()).isEqualTo(1);
    assertThat(source.ends).containsExactly(t0.plus(Duration.ofMinutes(30)).toEpochMilli());
    assertThat(result.canarySelector()).isEqualTo("h=\"abc123\"");
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void aLiveWindowFailsFastAfterTwoConsecutiveInterimRegressions() throws Exception {
    FakeTime time = new FakeTime(t0);
    SlowCanarySource source = new SlowCanarySource();
    JudgeResult result = judge(source, time).judge(new JudgeRequest(spec, "abc123", "def456", t0, null));
    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.looks()).isEqualTo(2);
    assertThat(result.reason()).contains("2 consecutive looks");
    assertThat(time.now).isEqualTo(t0.plus(Duration.ofMinutes(20)));
  }

  @Test
  void ourDeadlineIsTimedOut() throws Exception {
    FakeTime time = new FakeTime(t0);
    JudgeResult result = judge(new SlowCanarySource(), time)
        .judge(new JudgeRequest(spec, "abc123", "def456", t0, Duration.ofMinutes(5)));
    assertThat(result.verdict()).isEqualTo(Verdict.TIMED_OUT);
    assertThat(time.now).isEqualTo(t0.plus(Duration.ofMinutes(5)));
  }
}
