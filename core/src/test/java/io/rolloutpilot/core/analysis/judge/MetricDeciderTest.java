package io.rolloutpilot.core.analysis.judge;

import static io.rolloutpilot.core.analysis.judge.JudgeFixtures.FINAL;
import static io.rolloutpilot.core.analysis.judge.JudgeFixtures.data;
import static io.rolloutpilot.core.analysis.judge.JudgeFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.spec.Guardrail;
import io.rolloutpilot.core.analysis.spec.Margin;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricDeciderTest {
  private final MetricDecider decider = JudgeFixtures.decider();

  @Test
  void spinnaker6278IsHighWhereKayentaPasses() {
    MetricSpec metric = query("latency", Margin.absolute(10), Guardrail.NONE, 10, false, false);
    MetricResult r = decider.decide(data(metric, new double[] {100, 100, 100, 100, 100, 100, 100, 1, 1, 1},
        new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}), FINAL);
    assertThat(r.verdict()).isEqualTo(MetricVerdict.HIGH);
    assertThat(r.statistics().pValue()).isCloseTo(0.001548, within(5e-7));
    assertThat(r.statistics().pMethod()).isEqualTo("conditional-exact");
    assertThat(r.statistics().shift()).isEqualTo(99.0);
    assertThat(r.reason()).contains("p=0.001548").contains("beyond margin 10");
  }

  @Test
  void aWideIntervalIsInconclusiveNotAPass() {
    Random random = new Random(1);
    double[] canary = random.doubles(20).map(v -> v * 100).toArray();
    double[] baseline = random.doubles(20).map(v -> v * 100).toArray();
    MetricResult r = decider.decide(data(query("m", Margin.absolute(1), Guardrail.NONE, 20, false, false),
        canary, baseline), FINAL);
    assertThat(r.verdict()).isEqualTo(MetricVerdict.INCONCLUSIVE);
    assertThat(r.reason()).contains("not enough evidence");
  }

  @Test
  void aTightEqualCanaryPassesByNonInferiority() {
    Random random = new Random(2);
    double[] canary = random.doubles(60).map(v -> 100 + v).toArray();
    double[] baseline = random.doubles(60).map(v -> 100 + v).toArray();
    MetricResult r = decider.decide(data(query("m", Margin.ratio(0.1), Guardrail.NONE, 20, false, false),
        canary, baseline), FINAL);
    assertThat(r.verdict()).isEqualTo(MetricVerdict.PASS);
    assertThat(r.statistics().shiftUpper()).isLessThanOrEqualTo(r.margin());
    assertThat(r.margin()).isCloseTo(10.05, within(0.1));
    assertThat(r.canaryCount()).isEqualTo(60);
    assertThat(r.sparkline().t()).hasSize(60);
  }

  @Test
  void noDataInsufficientAndMustHaveData() {
    MetricSpec plain = query("m", Margin.absolute(1), Guardrail.NONE, 5, false, false);
    assertThat(decider.decide(data(plain, new double[0], new double[] {1, 2, 3, 4, 5}), FINAL).verdict())
        .isEqualTo(MetricVerdict.NO_DATA);
    assertThat(decider.decide(data(plain, new double[] {1, 2, 3}, new double[] {1, 2, 3, 4, 5}), FINAL).verdict())
        .isEqualTo(MetricVerdict.INSUFFICIENT_DATA);
    MetricSpec must = query("m", Margin.absolute(1), Guardrail.NONE, 5, false, true);
    MetricResult missing = decider.decide(data(must, new double[0], new double[] {1, 2, 3, 4, 5}), FINAL);
    assertThat(missing.verdict()).isEqualTo(MetricVerdict.HIGH);
    assertThat(missing.reason()).contains("missing data");
  }

  @Test
  void guardrailFailsEvenWhenBaselineIsJustAsBad() {
    double[] bad = {0.9, 0.8, 0.85, 0.95, 0.9, 0.9};
    MetricResult r = decider.decide(data(query("m", Margin.absolute(1), new Guardrail(null, 0.5), 5, false, false),
        bad, bad.clone()), FINAL);
    assertThat(r.verdict()).isEqualTo(MetricVerdict.HIGH);
    assertThat(r.guardrailViolated()).isTrue();
    assertThat(r.reason()).startsWith("SLO guardrail");
  }

  @Test
  void fetchErrorsAreErrorsWithTheirMessage() {
    MetricSpec plain = query("m", Margin.absolute(1), Guardrail.NONE, 5, true, false);
    MetricResult r = decider.decide(MetricData.failed(plain, List.of("q{c}"), List.of("q{b}"), List.of(),
        "HTTP 400 bad_data: parse error in q{c}"), FINAL);
    assertThat(r.verdict()).isEqualTo(MetricVerdict.ERROR);
    assertThat(r.reason()).contains("q{c}");
  }

  @Test
  void countTestCatchesSparseErrorsThatStepRanksMiss() {
    MetricSpec ratio = JudgeFixtures.ratio("errors", Margin.absolute(0.002), 100);
    double[] canary = new double[30];
    double[] baseline = new double[30];
    canary[3] = 0.05;
    canary[17] = 0.04;
    canary[25] = 0.03;
    GroupSamples c = new GroupSamples(canary, canary, 0, 0, 12, 1000);
    GroupSamples b = new GroupSamples(baseline, baseline, 0, 0, 0, 1000);
    MetricData data = new MetricData(ratio, JudgeFixtures.times(30), c, b, List.of(), List.of(), List.of(), null);
    MetricResult r = decider.decide(data, FINAL);
    assertThat(r.statistics().pValue()).isGreaterThan(0.01);
    assertThat(r.statistics().countTest().method()).isEqualTo("two-proportion-z");
    assertThat(r.verdict()).isEqualTo(MetricVerdict.HIGH);
    assertThat(r.reason()).startsWith("window totals");
  }

  @Test
  void interimLooksOnlyFailAtAlphaOverTen() {
    MetricSpec metric = query("latency", Margin.absolute(10), Guardrail.NONE, 10, false, false);
    MetricResult r = decider.decide(data(metric, new double[] {100, 100, 100, 100, 100, 100, 100, 1, 1, 1},
        new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}), new DecisionSettings(0.01, false, true));
    assertThat(r.verdict()).isEqualTo(MetricVerdict.INCONCLUSIVE);
    assertThat(r.reason()).startsWith("interim look");
  }
}
