package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PearsonDispersionTest {
  private static final double REQUESTS = 10_000;

  @Test
  void matchesTheFormulaOnASmallExample() {
    double[] errors = {0, 4, 2, 10};
    double[] requests = {100, 100, 200, 200};
    PearsonDispersion d = PearsonDispersion.of(errors, requests);
    double p = 16 / 600.0;
    double expected = 0;
    for (int i = 0; i < errors.length; i++) {
      double e = requests[i] * p;
      expected += (errors[i] - e) * (errors[i] - e) / (e * (1 - p));
    }
    assertThat(d.chiSquare()).isCloseTo(expected, within(1e-12));
    assertThat(d.degreesOfFreedom()).isEqualTo(3);
    assertThat(d.estimate()).isCloseTo(expected / 3, within(1e-12));
  }

  @Test
  void estimatesTheDispersionOfNegativeBinomialCounts() {
    // 20 errors per interval on average, rate Gamma(shape 4): var/mean = 1 + 20/4 = 6
    double[] errors = new GammaPoissonCounts(1).counts(4000, 20, 4);
    double estimate = PearsonDispersion.of(errors, GammaPoissonCounts.constant(4000, REQUESTS)).estimate();
    // X²/df estimates var/(n·p·(1 − p)), that is 6/(1 − 0.002); its sd here is about 0.2
    assertThat(estimate).isCloseTo(6 / (1 - 0.002), within(0.6));
  }

  @Test
  void poissonCountsGiveAboutOne() {
    double[] errors = new GammaPoissonCounts(2).counts(4000, 6, Double.POSITIVE_INFINITY);
    double estimate = PearsonDispersion.of(errors, GammaPoissonCounts.constant(4000, REQUESTS)).estimate();
    assertThat(estimate).isCloseTo(1, within(0.08));
  }

  @Test
  void segmentsAreMeasuredEachAroundItsOwnRate() {
    GammaPoissonCounts random = new GammaPoissonCounts(3);
    double[] before = random.counts(200, 5, Double.POSITIVE_INFINITY);
    double[] window = random.counts(200, 20, Double.POSITIVE_INFINITY);
    double[] totals = GammaPoissonCounts.constant(200, REQUESTS);
    PearsonDispersion pooled = PearsonDispersion.of(before, totals).plus(PearsonDispersion.of(window, totals));
    assertThat(pooled.degreesOfFreedom()).isEqualTo(398);
    assertThat(pooled.intervals()).isEqualTo(400);
    assertThat(pooled.estimate()).isCloseTo(1, within(0.2));
    // the same counts taken as one segment mistake the rate's move for dispersion
    double[] joined = new double[400];
    System.arraycopy(before, 0, joined, 0, 200);
    System.arraycopy(window, 0, joined, 200, 200);
    assertThat(PearsonDispersion.of(joined, GammaPoissonCounts.constant(400, REQUESTS)).estimate()).isGreaterThan(5);
  }

  @Test
  void intervalsWithoutTrafficAreSkippedAndNoErrorsGiveNoEstimate() {
    PearsonDispersion skipped = PearsonDispersion.of(new double[] {1, 0, 3, 2}, new double[] {100, 0, 100, 100});
    assertThat(skipped.intervals()).isEqualTo(3);
    assertThat(skipped.degreesOfFreedom()).isEqualTo(2);
    PearsonDispersion none = PearsonDispersion.of(new double[] {0, 0, 0}, new double[] {100, 100, 100});
    assertThat(none.degreesOfFreedom()).isZero();
    assertThat(none.intervals()).isEqualTo(3);
    assertThat(none.estimate()).isNaN();
  }
}
