package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Values from scipy.stats.norm (sf, cdf, ppf), pasted as fixed vectors. */
class NormalDistributionTest {
  private static final double[][] TAILS = {
      {-8, 0.9999999999999993, 6.22096057427174e-16},
      {-3.5, 0.9997673709209645, 0.00023262907903552502},
      {-1.2, 0.8849303297782918, 0.11506967022170822},
      {0, 0.5, 0.5},
      {0.3, 0.3820885778110474, 0.6179114221889526},
      {1.96, 0.024997895148220435, 0.9750021048517795},
      {2.999, 0.0013543365337271057, 0.9986456634662729},
      {3.0001, 0.0013494549132607172, 0.9986505450867392},
      {4.5, 3.3976731247300535e-06, 0.9999966023268753},
      {7, 1.279812543885835e-12, 0.9999999999987201},
      {12, 1.776482112077653e-33, 1.0},
  };
  private static final double[][] QUANTILES = {
      {1e-12, -7.034483825301131}, {1e-06, -4.753424308822899}, {0.001, -3.090232306167813},
      {0.01, -2.3263478740408408}, {0.02425, -1.972961051311885}, {0.3, -0.5244005127080409}, {0.5, 0.0},
      {0.7, 0.5244005127080407}, {0.99, 2.3263478740408408}, {0.999999, 4.753424308817087},
  };

  @Test
  void tailsMatchScipyInRelativeTerms() {
    for (double[] row : TAILS) {
      assertThat(NormalDistribution.sf(row[0])).as("sf(%s)", row[0]).isCloseTo(row[1], within(1e-13 * row[1] + 1e-16));
      assertThat(NormalDistribution.cdf(row[0])).as("cdf(%s)", row[0]).isCloseTo(row[2], within(1e-13 * row[2] + 1e-16));
    }
  }

  @Test
  void quantilesInvertTheCdf() {
    for (double[] row : QUANTILES) {
      assertThat(NormalDistribution.quantile(row[0])).as("ppf(%s)", row[0]).isCloseTo(row[1], within(1e-9));
    }
    assertThat(NormalDistribution.upperQuantile(0.01)).isCloseTo(2.3263478740408408, within(1e-12));
    assertThat(NormalDistribution.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(NormalDistribution.quantile(1.5)).isNaN();
  }
}
