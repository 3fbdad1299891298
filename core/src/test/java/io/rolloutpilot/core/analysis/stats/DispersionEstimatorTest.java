package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DispersionEstimatorTest {
  private static final double REQUESTS = 3000;

  private static PearsonDispersion counts(long seed, int intervals, double mean, double shape) {
    double[] errors = new GammaPoissonCounts(seed).counts(intervals, mean, shape);
    return PearsonDispersion.of(errors, GammaPoissonCounts.constant(intervals, REQUESTS));
  }

  @Test
  void overdispersedBaselineInflatesTheVarianceByItsEstimate() {
    PearsonDispersion window = counts(4, 20, 6, 1.2);
    PearsonDispersion history = counts(5, 120, 6, 1.2);
    Dispersion d = DispersionEstimator.choose(window, history);
    double estimate = window.plus(history).estimate();
    assertThat(d.estimate()).isEqualTo(estimate);
    assertThat(d.factor()).isEqualTo(ConfidenceBounds.dispersion(estimate, 138));
    assertThat(d.factor()).isGreaterThan(estimate).isGreaterThan(3);
    assertThat(d.degreesOfFreedom()).isEqualTo(138);
    assertThat(d.source()).startsWith("baseline window and history, X²/df ").contains(" on 138 df, upper 90% bound ");
  }

  @Test
  void neverBelowOne() {
    // exactly the expected count in every interval: far calmer than Poisson
    double[] errors = GammaPoissonCounts.constant(20, 6);
    Dispersion d = DispersionEstimator.choose(PearsonDispersion.of(errors, GammaPoissonCounts.constant(20, REQUESTS)),
        PearsonDispersion.NONE);
    assertThat(d.estimate()).isEqualTo(0.0);
    assertThat(d.factor()).isEqualTo(1.0);
    assertThat(d.source()).isEqualTo("baseline window, X²/df 0.00 on 19 df, upper 90% bound 0.00, not below 1");
    assertThatThrownBy(() -> new Dispersion(0.8, 0.8, 19, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tooFewIntervalsFallBackToThePoissonVariance() {
    Dispersion d = DispersionEstimator.choose(counts(6, 6, 6, 1.2), PearsonDispersion.NONE);
    assertThat(d.factor()).isEqualTo(1.0);
    assertThat(d.estimate()).isNaN();
    assertThat(d.source()).isEqualTo("Poisson assumed: only 6 baseline intervals, 10 needed");
    // the history can make up for a short window
    Dispersion pooled = DispersionEstimator.choose(counts(6, 6, 6, 1.2), counts(7, 30, 6, 1.2));
    assertThat(pooled.degreesOfFreedom()).isEqualTo(34);
    assertThat(pooled.factor()).isGreaterThan(1);
  }

  @Test
  void noErrorsOrNoCountsFallBackAndSayWhy() {
    double[] none = new double[30];
    Dispersion quiet = DispersionEstimator.choose(PearsonDispersion.of(none, GammaPoissonCounts.constant(30, REQUESTS)),
        PearsonDispersion.NONE);
    assertThat(quiet.factor()).isEqualTo(1.0);
    assertThat(quiet.source()).isEqualTo("Poisson assumed: too few baseline errors to measure their spread");
    assertThat(DispersionEstimator.choose(PearsonDispersion.NONE, PearsonDispersion.NONE)).isSameAs(Dispersion.POISSON);
  }

  @Test
  void historyAloneIsNamedAsTheSource() {
    Dispersion d = DispersionEstimator.choose(PearsonDispersion.of(new double[20], GammaPoissonCounts.constant(20,
        REQUESTS)), counts(8, 60, 6, Double.POSITIVE_INFINITY));
    assertThat(d.source()).startsWith("baseline history, ");
    assertThat(d.factor()).isCloseTo(1, within(0.5));
  }
}
