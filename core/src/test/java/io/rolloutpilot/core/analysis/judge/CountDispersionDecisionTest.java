package io.rolloutpilot.core.analysis.judge;

import static io.rolloutpilot.core.analysis.judge.JudgeFixtures.FINAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.spec.Guardrail;
import io.rolloutpilot.core.analysis.spec.Margin;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The count test measured against the baseline's own burstiness, as a ratio metric's decision shows it. */
class CountDispersionDecisionTest {
  private static final double REQUESTS = 3000;
  /** Errors in bursts: 76 in 20 steps, most of them in four. */
  private static final double[] BASELINE = {0, 1, 0, 24, 2, 0, 0, 1, 18, 0, 0, 3, 0, 0, 0, 22, 1, 0, 0, 4};
  /** As bursty, and 122 in all: far too many for Poisson counts, not for these. */
  private static final double[] CANARY = {2, 30, 1, 0, 0, 28, 3, 0, 0, 26, 2, 0, 1, 0, 25, 0, 0, 3, 1, 0};

  private final MetricDecider decider = JudgeFixtures.decider();
  private final MetricSpec ratio = JudgeFixtures.ratio("errors", Margin.absolute(0.0005), 1000);

  private static GroupSamples withSteps(double[] errors) {
    double[] requests = new double[errors.length];
    Arrays.fill(requests, REQUESTS);
    double[] ratios = Arrays.stream(errors).map(e -> e / REQUESTS).toArray();
    return new GroupSamples(ratios, ratios.clone(), 0, 0, Arrays.stream(errors).sum(), REQUESTS * errors.length,
        new StepCounts(errors, requests));
  }

  private static GroupSamples totalsOnly(double[] errors) {
    GroupSamples full = withSteps(errors);
    return new GroupSamples(full.values(), full.grid(), 0, 0, full.numeratorTotal(), full.denominatorTotal());
  }

  private MetricData data(GroupSamples canary, GroupSamples baseline) {
    return new MetricData(ratio, JudgeFixtures.times(20), canary, baseline, List.of(), List.of(), List.of(), null);
  }

  @Test
  void burstyBaselineCountsWidenTheCountTestAndTheResultSaysByHowMuch() {
    MetricResult poisson = decider.decide(data(totalsOnly(CANARY), totalsOnly(BASELINE)), FINAL);
    assertThat(poisson.verdict()).isEqualTo(MetricVerdict.HIGH);
    assertThat(poisson.reason()).startsWith("window totals");
    assertThat(poisson.statistics().dispersion()).isEqualTo(1.0);
    assertThat(poisson.statistics().dispersionSource()).isEqualTo("Poisson assumed: no per-step counts");

    MetricResult quasi = decider.decide(data(withSteps(CANARY), withSteps(BASELINE)), FINAL);
    assertThat(quasi.verdict()).isNotEqualTo(MetricVerdict.HIGH);
    MetricStatistics statistics = quasi.statistics();
    assertThat(statistics.dispersion()).isGreaterThan(10);
    assertThat(statistics.countTest().dispersion().factor()).isEqualTo(statistics.dispersion());
    assertThat(statistics.dispersionSource()).startsWith("baseline window, X²/df ")
        .contains(" on 19 df, upper 90% bound ");
    assertThat(statistics.countTest().pGreater()).isGreaterThan(0.01);
  }

  @Test
  void theCanarysOwnBurstsDoNotWidenTheTest() {
    double[] calm = new double[20];
    Arrays.fill(calm, 4);
    MetricResult r = decider.decide(data(withSteps(CANARY), withSteps(calm)), FINAL);
    assertThat(r.statistics().dispersion()).isEqualTo(1.0);
    assertThat(r.verdict()).isEqualTo(MetricVerdict.HIGH);
    assertThat(r.reason()).startsWith("window totals").doesNotContain("dispersion");
  }

  @Test
  void theBaselinesHistoryIsPooledWithTheWindow() {
    double[] history = new double[100];
    for (int i = 0; i < history.length; i++) {
      history[i] = BASELINE[i % BASELINE.length];
    }
    BaselineHistory before = BaselineHistory.of(withSteps(history));
    MetricResult r = decider.decide(data(withSteps(CANARY), withSteps(BASELINE)).withBaselineHistory(before), FINAL);
    assertThat(r.statistics().dispersionSource()).startsWith("baseline window and history, ").contains(" on 118 df");
  }

  @Test
  void plainMetricsHaveNoDispersion() {
    MetricSpec latency = JudgeFixtures.query("latency", Margin.absolute(1), Guardrail.NONE, 5, false, false);
    MetricResult r = decider.decide(JudgeFixtures.data(latency, new double[] {1, 2, 3, 4, 5, 6},
        new double[] {2, 3, 4, 5, 6, 7}), FINAL);
    assertThat(r.statistics().dispersion()).isNaN();
    assertThat(r.statistics().dispersionSource()).isNull();
  }
}
