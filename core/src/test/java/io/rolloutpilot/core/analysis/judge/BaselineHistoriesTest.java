package io.rolloutpilot.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.analysis.spec.AnalysisSpecParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselineHistoriesTest {
  private static final String SPEC = String.join("\n",
      "window: { duration: 10m, step: 30s, evaluateEvery: 5m, rhoHistory: 40m }",
      "selectors: { canary: 'h=\"{{canaryHash}}\"', baseline: 'h=\"{{stableHash}}\"' }",
      "metrics:",
      "  - { name: latency, query: 'q{ {{selector}} }', margin: { absolute: 1 }, minSamples: 5 }",
      "");
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  /** Same-process A/A data; the history source may succeed or throw. */
  static final class HistorySource implements MetricSource {
    final List<long[]> historyCalls = new ArrayList<>();
    final Random random = new Random(11);
    boolean failHistory;

    @Override
    public MetricData fetch(QueryPlan plan, long start, long end, long step) {
      int n = (int) ((end - start) / step) + 1;
      return JudgeFixtures.data(plan.metric(), noise(n), noise(n));
    }

    @Override
    public BaselineHistory baselineHistory(QueryPlan plan, long start, long end, long step) {
      historyCalls.add(new long[] {start, end, step});
      if (failHistory) {
        throw new IllegalStateException("connection refused");
      }
      return BaselineHistory.of(noise((int) ((end - start) / step) + 1));
    }

    @Override
    public String endpoint() {
      return "http://prometheus.test";
    }

    private double[] noise(int n) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = 10 + random.nextGaussian();
      }
      return values;
    }
  }

  private final AnalysisSpec spec = new AnalysisSpecParser().parse(SPEC);

  private JudgeResult judge(HistorySource source, Instant now) throws InterruptedException {
    CanaryJudgeTest.FakeTime time = new CanaryJudgeTest.FakeTime(now);
    CanaryJudge judge = new CanaryJudge(source, JudgeFixtures.decider(), new Aggregator(), new QueryPlanner(),
        time.clock(), d -> time.now = time.now.plus(d), line -> { });
    return judge.judge(new JudgeRequest(spec, "abc123", "def456", T0, null));
  }

  @Test
  void historyIsReadOnceFromBeforeTheCanaryAndNamedAsTheSource() throws Exception {
    HistorySource source = new HistorySource();
    JudgeResult result = judge(source, T0);
    assertThat(result.looks()).isEqualTo(2);
    assertThat(source.historyCalls).hasSize(1);
    long[] call = source.historyCalls.get(0);
    assertThat(call[0]).isEqualTo(T0.minus(Duration.ofMinutes(40)).toEpochMilli());
    assertThat(call[1]).isEqualTo(T0.minus(Duration.ofSeconds(30)).toEpochMilli());
    assertThat(call[2]).isEqualTo(30_000L);
    MetricStatistics statistics = result.metrics().get(0).statistics();
    assertThat(statistics.rhoSource()).isEqualTo("baseline history, 80 samples");
  }

  @Test
  void aFailedHistoryFetchFallsBackToTheWindowAndSaysWhy() throws Exception {
    HistorySource source = new HistorySource();
    source.failHistory = true;
    JudgeResult result = judge(source, T0.plus(Duration.ofHours(1)));
    MetricResult metric = result.metrics().get(0);
    assertThat(metric.statistics()).isNotNull();
    assertThat(metric.statistics().rhoSource())
        .isEqualTo("in window, 42 samples (baseline history unavailable: history fetch failed: connection refused)");
  }

  @Test
  void turnedOffNoHistoryIsAskedFor() throws Exception {
    HistorySource source = new HistorySource();
    AnalysisSpec off = new AnalysisSpecParser().parse(SPEC.replace(", rhoHistory: 40m", ", rhoHistory: 0"));
    CanaryJudgeTest.FakeTime time = new CanaryJudgeTest.FakeTime(T0.plus(Duration.ofHours(1)));
    JudgeResult result = new CanaryJudge(source, JudgeFixtures.decider(), new Aggregator(), new QueryPlanner(),
        time.clock(), d -> { }, line -> { }).judge(new JudgeRequest(off, "abc123", "def456", T0, null));
    assertThat(source.historyCalls).isEmpty();
    assertThat(result.metrics().get(0).statistics().rhoSource()).isEqualTo("in window, 42 samples");
  }

  @Test
  void aShortHistorySaysHowMuchWasNeeded() {
    MetricData data = JudgeFixtures.data(JudgeFixtures.query("m", io.rolloutpilot.core.analysis.spec.Margin.absolute(1),
        io.rolloutpilot.core.analysis.spec.Guardrail.NONE, 5, false, false), new double[] {1, 3, 2, 5, 4, 6},
        new double[] {2, 1, 4, 3, 6, 5}).withBaselineHistory(BaselineHistory.of(new double[] {1, 2, 3, 4, 5}));
    MetricResult result = JudgeFixtures.decider().decide(data, new DecisionSettings(0.01, true, false));
    assertThat(result.statistics().rhoSource())
        .isEqualTo("in window, 12 samples (baseline history of 5 samples not used: 18 needed, and it must vary)");
  }
}
