package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RhoEstimatorTest {
  private static final double PHI = 0.5;

  @Test
  void historyOfThreeTimesTheWindowIsPreferred() {
    Random random = new Random(7);
    Ranking window = Ranking.of(LagOneAutocorrelationTest.stationaryAr1(random, 20, PHI),
        LagOneAutocorrelationTest.stationaryAr1(random, 20, PHI));
    double[] history = LagOneAutocorrelationTest.stationaryAr1(random, 60, PHI);
    RhoEstimate chosen = RhoEstimator.choose(window, history);
    assertThat(chosen.source()).isEqualTo(RhoEstimate.Source.BASELINE_HISTORY);
    assertThat(chosen.samples()).isEqualTo(60);
    assertThat(chosen.estimate()).isEqualTo(RhoEstimator.fromHistory(history));
    assertThat(chosen.rho()).isEqualTo(ConfidenceBounds.rho(chosen.estimate(), 60));
    assertThat(chosen.describe()).isEqualTo("baseline history, 60 samples");
  }

  @Test
  void shortEmptyOrConstantHistoryFallsBackToTheWindow() {
    Random random = new Random(8);
    Ranking window = Ranking.of(LagOneAutocorrelationTest.stationaryAr1(random, 20, PHI),
        LagOneAutocorrelationTest.stationaryAr1(random, 25, PHI));
    double inWindow = LagOneAutocorrelation.ofRanks(window);
    double[] tooShort = LagOneAutocorrelationTest.stationaryAr1(random, 74, PHI); // 3 × 25 = 75 needed
    double[] constant = new double[200];
    for (double[] history : new double[][] {new double[0], tooShort, constant}) {
      RhoEstimate chosen = RhoEstimator.choose(window, history);
      assertThat(chosen.source()).isEqualTo(RhoEstimate.Source.IN_WINDOW);
      assertThat(chosen.estimate()).isEqualTo(inWindow);
      assertThat(chosen.rho()).isEqualTo(ConfidenceBounds.rho(inWindow, 45));
      assertThat(chosen.describe()).isEqualTo("in window, 45 samples");
    }
  }

  @Test
  void midranksMatchThePooledRankingIncludingTiesAndInfinities() {
    Random random = new Random(9);
    double[] values = new double[300];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.round(random.nextGaussian() * 4) / 4.0;
    }
    values[3] = Double.POSITIVE_INFINITY;
    values[4] = Double.NEGATIVE_INFINITY;
    assertThat(RhoEstimator.midranks(values)).containsExactly(Ranking.of(values, new double[0]).ranks());
  }

  @Test
  void historyEstimateIsClampedAndRankBased() {
    double[] alternating = new double[60];
    for (int i = 0; i < alternating.length; i++) {
      alternating[i] = i % 2 == 0 ? 1 + i : -1 - i;
    }
    assertThat(RhoEstimator.fromHistory(alternating)).isEqualTo(0.0);
    double[] trend = new double[60];
    for (int i = 0; i < trend.length; i++) {
      trend[i] = Math.exp(i / 3.0); // monotone: ranks are a straight line whatever the scale
    }
    assertThat(RhoEstimator.fromHistory(trend)).isEqualTo(LagOneAutocorrelation.MAX_RHO);
  }

  @Test
  void historyEstimateErrorIsMuchSmallerThanTheInWindowOne() {
    Random random = new Random(20260101);
    int runs = 2000;
    double windowSquares = 0;
    double historySquares = 0;
    for (int run = 0; run < runs; run++) {
      Ranking window = Ranking.of(LagOneAutocorrelationTest.stationaryAr1(random, 20, PHI),
          LagOneAutocorrelationTest.stationaryAr1(random, 20, PHI));
      double[] history = LagOneAutocorrelationTest.stationaryAr1(random, 240, PHI);
      windowSquares += square(LagOneAutocorrelation.ofRanks(window) - PHI);
      historySquares += square(RhoEstimator.choose(window, history).estimate() - PHI);
    }
    double windowRmse = Math.sqrt(windowSquares / runs);
    double historyRmse = Math.sqrt(historySquares / runs);
    // Rank autocorrelation of a Gaussian AR(1) is (6/π)·asin(φ/2) ≈ 0.48 at φ = 0.5, so part of the error
    // is that small, known offset; the sampling noise is what the history removes (sd ∝ 1/√n).
    assertThat(windowRmse).isGreaterThan(0.12);
    assertThat(historyRmse).isLessThan(0.07);
    assertThat(historyRmse).isLessThan(windowRmse / 2);
  }

  @Test
  void aaFalseAlarmsFallWithTheHistoryEstimateAndStayBelowAlphaAtItsBound() {
    MannWhitneyTest test = new MannWhitneyTest();
    Random random = new Random(2027);
    int runs = 3000;
    int window = 0;
    int history = 0;
    int bounded = 0;
    for (int run = 0; run < runs; run++) {
      Ranking ranking = Ranking.of(LagOneAutocorrelationTest.stationaryAr1(random, 20, PHI),
          LagOneAutocorrelationTest.stationaryAr1(random, 20, PHI));
      double[] before = LagOneAutocorrelationTest.stationaryAr1(random, 60, PHI);
      RhoEstimate chosen = RhoEstimator.choose(ranking, before);
      window += test.test(ranking, LagOneAutocorrelation.ofRanks(ranking)).pGreater() < 0.01 ? 1 : 0;
      history += test.test(ranking, chosen.estimate()).pGreater() < 0.01 ? 1 : 0;
      bounded += test.test(ranking, chosen.rho()).pGreater() < 0.01 ? 1 : 0;
    }
    assertThat(history).isLessThan(window);
    assertThat(history / (double) runs).isCloseTo(0.01, within(0.006));
    assertThat(bounded).isLessThan(history);
    assertThat(bounded / (double) runs).isLessThan(0.01);
  }

  private static double square(double x) {
    return x * x;
  }
}
