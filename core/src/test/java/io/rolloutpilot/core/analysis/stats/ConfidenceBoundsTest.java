package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidenceBoundsTest {
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
