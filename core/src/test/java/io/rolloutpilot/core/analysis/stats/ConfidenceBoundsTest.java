package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidenceBoundsTest {
  private static final double Z90 = 1.2815515655446004;

  @Test
  void rhoBoundAddsBartlettsStandardErrorAndShrinksWithTheSamples() {
    assertThat(ConfidenceBounds.rho(0.5, 120)).isCloseTo(0.5 + Z90 * Math.sqrt(0.75 / 120), within(1e-12));
    assertThat(ConfidenceBounds.rho(0.5, 40)).isGreaterThan(ConfidenceBounds.rho(0.5, 120));
    assertThat(ConfidenceBounds.rho(0.5, 100_000)).isCloseTo(0.5, within(0.004));
    // no evidence of dependence still leaves room for some, less the more samples say so
    assertThat(ConfidenceBounds.rho(0, 40)).isCloseTo(Z90 / Math.sqrt(40), within(1e-12));
  }

  @Test
  void rhoBoundIsClamped() {
    assertThat(ConfidenceBounds.rho(0.94, 20)).isEqualTo(LagOneAutocorrelation.MAX_RHO);
    assertThat(ConfidenceBounds.rho(-0.9, 400)).isEqualTo(0.0);
    assertThat(ConfidenceBounds.rho(0.3, 0)).isEqualTo(0.3);
  }

  @Test
  void chiSquareQuantilesMatchTheTables() {
    // lower 10 % points of chi-square: 4.865 (10 df), 11.651 (19 df), 12.443 (20 df), 82.358 (100 df)
    assertThat(ConfidenceBounds.chiSquareQuantile(10, 0.10)).isCloseTo(4.865, within(0.02));
    assertThat(ConfidenceBounds.chiSquareQuantile(19, 0.10)).isCloseTo(11.651, within(0.02));
    assertThat(ConfidenceBounds.chiSquareQuantile(20, 0.10)).isCloseTo(12.443, within(0.02));
    assertThat(ConfidenceBounds.chiSquareQuantile(100, 0.10)).isCloseTo(82.358, within(0.05));
  }

  @Test
  void dispersionBoundIsAboveTheEstimateAndNearsItWithMoreIntervals() {
    double few = ConfidenceBounds.dispersion(6, 19);
    double many = ConfidenceBounds.dispersion(6, 1000);
    assertThat(few).isCloseTo(6 * 19 / 11.651, within(0.02));
    assertThat(many).isGreaterThan(6).isLessThan(few).isCloseTo(6, within(0.5));
  }
}
