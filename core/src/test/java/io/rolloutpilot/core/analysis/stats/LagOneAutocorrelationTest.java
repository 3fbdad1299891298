package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LagOneAutocorrelationTest {
  @Test
  void alternatingSeriesIsNegativeAndClampedToZero() {
    double[] alternating = {1, -1, 1, -1, 1, -1, 1, -1};
    assertThat(LagOneAutocorrelation.of(alternating)).isCloseTo(-7.0 / 8, within(1e-12));
    Ranking ranking = Ranking.of(alternating, new double[] {5, -5, 5, -5, 5, -5});
    assertThat(LagOneAutocorrelation.ofRanks(ranking)).isEqualTo(0.0);
  }

  @Test
  void ar1SeriesIsDetected() {
    Random random = new Random(3);
    double[] x = ar1(random, 400, 0.8);
    double[] y = ar1(random, 400, 0.8);
    double rho = LagOneAutocorrelation.ofRanks(Ranking.of(x, y));
    assertThat(rho).isBetween(0.7, 0.9);
    assertThat(LagOneAutocorrelation.deflation(rho)).isLessThan(0.4);
  }

  @Test
  void shortOrConstantSeriesHaveNoEstimate() {
    assertThat(LagOneAutocorrelation.of(new double[] {1, 2})).isNaN();
    assertThat(LagOneAutocorrelation.of(new double[] {2, 2, 2, 2})).isNaN();
    assertThat(LagOneAutocorrelation.deflation(0)).isEqualTo(1.0);
  }

  static double[] ar1(Random random, int length, double phi) {
    double[] series = new double[length];
    double previous = 0;
    for (int t = 0; t < length; t++) {
      previous = phi * previous + random.nextGaussian();
      series[t] = previous;
    }
    return series;
  }
}
