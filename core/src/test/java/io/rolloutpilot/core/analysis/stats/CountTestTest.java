package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CountTestTest {
  /** {e_c, n_c, e_b, n_b, p_greater, p_less} from scipy.stats.fisher_exact. */
  private static final double[][] FISHER = {
      {3, 100, 0, 120, 0.09237149679527461, 1.0},
      {2, 50, 1, 60, 0.43137800018533956, 0.9091835789083496},
      {7, 1000, 1, 1000, 0.03488288181963618, 0.9961482595744581},
      {0, 30, 2, 40, 1.0, 0.3229813664596273},
      {1, 10, 9, 10, 0.9999945874558878, 0.000546666955335686},
  };

  @Test
  void fisherMatchesScipy() {
    for (double[] row : FISHER) {
      CountTestResult r = CountTest.fisher(row[0], row[1], row[2], row[3]);
      assertThat(r.method()).isEqualTo("fisher-exact");
      assertThat(r.pGreater()).isCloseTo(row[4], within(1e-9));
      assertThat(r.pLess()).isCloseTo(row[5], within(1e-9));
    }
  }

  @Test
  void pooledZWhenExpectedCountsAreLarge() {
    CountTestResult r = CountTest.test(60, 6000, 12, 6000);
    assertThat(r.method()).isEqualTo("two-proportion-z");
    double pooled = 72 / 12000.0;
    double z = (0.01 - 0.002) / Math.sqrt(pooled * (1 - pooled) * (2 / 6000.0));
    assertThat(r.z()).isCloseTo(z, within(1e-12));
    assertThat(r.pGreater()).isCloseTo(NormalDistribution.sf(z), within(1e-15));
    assertThat(r.pGreater()).isLessThan(1e-6);
    assertThat(r.pValue(Alternative.LESS)).isGreaterThan(0.99);
  }

  @Test
  void switchesToFisherBelowFiveExpected() {
    assertThat(CountTest.test(4, 1000, 1, 1000).method()).isEqualTo("fisher-exact");
    assertThat(CountTest.test(9, 1000, 3, 1000).method()).isEqualTo("two-proportion-z");
  }

  @Test
  void dispersionInflatesTheVarianceOfTheZTest() {
    Dispersion six = new Dispersion(6, 6, 138, "test");
    CountTestResult plain = CountTest.test(60, 6000, 30, 6000);
    CountTestResult inflated = CountTest.test(60, 6000, 30, 6000, six);
    assertThat(inflated.z()).isCloseTo(plain.z() / Math.sqrt(6), within(1e-12));
    assertThat(inflated.pGreater()).isCloseTo(NormalDistribution.sf(plain.z() / Math.sqrt(6)), within(1e-15));
    assertThat(plain.pGreater()).isLessThan(0.001);
    assertThat(inflated.pGreater()).isGreaterThan(0.05);
    assertThat(inflated.dispersion()).isSameAs(six);
    assertThat(plain.dispersion()).isSameAs(Dispersion.POISSON);
  }

  @Test
  void dispersionWeakensFishersPValuesThroughTheirNormalScores() {
    Dispersion four = new Dispersion(4, 4, 40, "test");
    CountTestResult plain = CountTest.test(7, 1000, 1, 1000);
    CountTestResult inflated = CountTest.test(7, 1000, 1, 1000, four);
    assertThat(inflated.method()).isEqualTo("fisher-exact");
    double score = NormalDistribution.upperQuantile(plain.pGreater());
    assertThat(inflated.pGreater()).isCloseTo(NormalDistribution.sf(score / 2), within(1e-12));
    assertThat(inflated.pGreater()).isGreaterThan(plain.pGreater());
    // a factor of 1 leaves every p-value as it was
    CountTestResult one = CountTest.test(7, 1000, 1, 1000, new Dispersion(1, 0.7, 40, "test"));
    assertThat(one.pGreater()).isEqualTo(plain.pGreater());
    assertThat(one.pLess()).isEqualTo(plain.pLess());
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatThrownBy(() -> CountTest.test(5, 4, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CountTest.test(0, 0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
