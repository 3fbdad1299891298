package io.rolloutpilot.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.analysis.spec.Direction;
import io.rolloutpilot.core.analysis.spec.Guardrail;
import io.rolloutpilot.core.analysis.spec.ScoringSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregatorTest {
  private final Aggregator aggregator = new Aggregator();
  private final ScoringSpec scoring = ScoringSpec.defaults();

  static MetricResult r(String name, String group, boolean critical, MetricVerdict verdict) {
    return new MetricResult(name, group, critical, Direction.INCREASE, verdict, "because", 30, 30, 0, 0, 0, 0, null,
        Guardrail.NONE, Double.NaN, false, Double.NaN, "", List.of(), List.of(), List.of(), Sparkline.empty());
  }

  @Test
  void passesOnlyWhenEverythingIsDecidedAndPasses() {
    Aggregate a = aggregator.aggregate(List.of(r("a", "g", true, MetricVerdict.PASS), r("b", "g", false, MetricVerdict.PASS)), scoring);
    assertThat(a.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(a.score()).isEqualTo(100.0);
  }

  @Test
  void anAllNoDataGroupIsNotAHundred() {
    Aggregate a = aggregator.aggregate(List.of(r("a", "errors", false, MetricVerdict.PASS),
        r("b", "latency", false, MetricVerdict.NO_DATA)), scoring);
    assertThat(a.score()).isNaN();
    assertThat(a.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void criticalRegressionFailsWhateverTheScore() {
    Aggregate a = aggregator.aggregate(List.of(r("a", "g", true, MetricVerdict.HIGH), r("b", "g", false, MetricVerdict.PASS),
        r("c", "g", false, MetricVerdict.PASS)), new ScoringSpec(30, 10, Map.of(), 0));
    assertThat(a.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(a.reason()).startsWith("critical metric a is HIGH");
  }

  @Test
  void errorIsNeverDroppedAndNeverPasses() {
    Aggregate a = aggregator.aggregate(List.of(r("a", "g", false, MetricVerdict.PASS), r("b", "g", false, MetricVerdict.ERROR)), scoring);
    assertThat(a.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(a.reason()).startsWith("b: ");
  }

  @Test
  void scoreBelowMarginalFailsAndMarginalBandIsInconclusive() {
    List<MetricResult> half = List.of(r("a", "g", false, MetricVerdict.PASS), r("b", "g", false, MetricVerdict.HIGH));
    assertThat(aggregator.aggregate(half, scoring).verdict()).isEqualTo(Verdict.FAILED);
    assertThat(aggregator.aggregate(half, new ScoringSpec(95, 50, Map.of(), 0)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void weightsFollowKayentaSharingRule() {
    List<MetricResult> results = List.of(r("a", "errors", false, MetricVerdict.PASS), r("b", "latency", false, MetricVerdict.HIGH),
        r("c", "other", false, MetricVerdict.PASS));
    assertThat(Aggregator.score(results, new ScoringSpec(95, 75, Map.of("errors", 60.0), 0))).isEqualTo(80.0);
  }

  @Test
  void undecidedMetricsNeedAllowance() {
    List<MetricResult> results = List.of(r("a", "g", false, MetricVerdict.PASS), r("b", "g", false, MetricVerdict.PASS),
        r("c", "g", false, MetricVerdict.INCONCLUSIVE));
    assertThat(aggregator.aggregate(results, scoring).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(aggregator.aggregate(results, new ScoringSpec(95, 75, Map.of(), 1)).verdict()).isEqualTo(Verdict.PASSED);
    List<MetricResult> noData = List.of(r("a", "g", false, MetricVerdict.PASS), r("b", "g", false, MetricVerdict.NO_DATA));
    assertThat(aggregator.aggregate(noData, new ScoringSpec(95, 75, Map.of(), 5)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }
}
