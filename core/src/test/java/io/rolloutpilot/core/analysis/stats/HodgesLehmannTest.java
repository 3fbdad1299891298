package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HodgesLehmannTest {
  private final MannWhitneyTest test = new MannWhitneyTest();

  @Test
  void orderStatisticsMatchAFullySortedDifferenceList() {
    Random random = new Random(99);
    for (int round = 0; round < 60; round++) {
      boolean integers = round % 3 == 0;
      double[] x = random.doubles(1 + random.nextInt(40), -5, 5).map(v -> integers ? Math.rint(v) : v).toArray();
      double[] y = random.doubles(1 + random.nextInt(40), -5, 5).map(v -> integers ? Math.rint(v) : v).toArray();
      double[] sorted = allDifferences(x, y);
      PairwiseDifferences differences = new PairwiseDifferences(x, y);
      for (long k = 1; k <= sorted.length; k += 1 + sorted.length / 17) {
        assertThat(differences.orderStatistic(k)).isEqualTo(sorted[(int) k - 1]);
      }
      assertThat(differences.orderStatistic(sorted.length)).isEqualTo(sorted[sorted.length - 1]);
      double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
          : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      assertThat(differences.median()).isEqualTo(median);
    }
  }

  @Test
  void infinitiesAreOrderedNotNaN() {
    PairwiseDifferences differences = new PairwiseDifferences(new double[] {Double.POSITIVE_INFINITY, 1},
        new double[] {Double.POSITIVE_INFINITY, 0});
    assertThat(differences.orderStatistic(1)).isEqualTo(-1e300);
    assertThat(differences.orderStatistic(2)).isEqualTo(0.0);
    assertThat(differences.orderStatistic(4)).isEqualTo(1e300);
  }

  @Test
  void exactBoundIndexIsQwilcoxFromBruteForce() {
    for (int m = 3; m <= 8; m++) {
      for (int n = 3; n <= 8; n++) {
        ExactNullDistribution distribution = new ExactNullDistribution(m, n);
        double[] cdf = bruteForceCdf(m, n);
        for (double alpha : new double[] {0.005, 0.01, 0.025, 0.05}) {
          int expected = 0;
          while (cdf[expected] < alpha) {
            expected++;
          }
          assertThat(distribution.quantile(alpha)).as("m=%d n=%d alpha=%s", m, n, alpha).isEqualTo(expected);
        }
        for (int u = 0; u <= m * n; u++) {
          assertThat(distribution.cdf(u)).isCloseTo(cdf[u], within(1e-12));
        }
      }
    }
  }

  @Test
  void lowerBoundAboveZeroExactlyWhenExactPIsBelowAlpha() {
    Random random = new Random(5);
    int rejections = 0;
    for (int round = 0; round < 200; round++) {
      double[] x = random.doubles(12).map(v -> v + 0.4).toArray();
      double[] y = random.doubles(10).toArray();
      Ranking ranking = Ranking.of(x, y);
      MannWhitneyResult r = test.test(ranking, 0);
      ShiftEstimate shift = HodgesLehmann.estimate(x, y, ranking, r.method(), 0, 0.01);
      assertThat(shift.boundsMethod()).isEqualTo("exact");
      assertThat(shift.lower() > 0).isEqualTo(r.pGreater() < 0.01);
      assertThat(shift.upper() < 0).isEqualTo(r.pLess() < 0.01);
      assertThat(shift.lower()).isLessThanOrEqualTo(shift.estimate());
      assertThat(shift.upper()).isGreaterThanOrEqualTo(shift.estimate());
      rejections += r.pGreater() < 0.01 ? 1 : 0;
    }
    assertThat(rejections).isBetween(20, 180);
  }

  @Test
  void normalBoundsUseTheTieCorrectedSigmaAndWidenWithRho() {
    Random random = new Random(11);
    double[] x = random.doubles(200).map(v -> Math.rint(v * 20) + 1).toArray();
    double[] y = random.doubles(150).map(v -> Math.rint(v * 20)).toArray();
    Ranking ranking = Ranking.of(x, y);
    ShiftEstimate plain = HodgesLehmann.estimate(x, y, ranking, PValueMethod.NORMAL, 0, 0.01);
    long expectedK = (long) Math.floor(200 * 150 / 2.0
        - NormalDistribution.upperQuantile(0.01) * NormalApproximation.sigmaU(ranking));
    assertThat(plain.k()).isEqualTo(expectedK);
    double[] sorted = allDifferences(x, y);
    assertThat(plain.lower()).isEqualTo(sorted[(int) expectedK - 1]);
    assertThat(plain.upper()).isEqualTo(sorted[sorted.length - (int) expectedK]);
    ShiftEstimate wide = HodgesLehmann.estimate(x, y, ranking, PValueMethod.NORMAL, 0.5, 0.01);
    assertThat(wide.k()).isLessThan(plain.k());
    assertThat(wide.lower()).isLessThanOrEqualTo(plain.lower());
    assertThat(wide.upper()).isGreaterThanOrEqualTo(plain.upper());
  }

  @Test
  void comparisonReportsEffectSizes() {
    double[] canary = {110, 120, 130, 140, 150, 160, 170, 180, 190, 200};
    double[] baseline = {100, 110, 120, 130, 140, 150, 160, 170, 180, 190};
    Comparison c = new TwoSampleComparator(test).compare(canary, baseline, 0.01, false);
    assertThat(c.shift().estimate()).isEqualTo(10.0);
    assertThat(c.relativeChange()).isCloseTo(10.0 / 145, within(1e-12));
    assertThat(c.meanRatio()).isCloseTo(155.0 / 145, within(1e-12));
    assertThat(c.canary().median()).isEqualTo(155.0);
    assertThat(c.baseline().p95()).isCloseTo(185.5, within(1e-9));
    assertThat(c.cles()).isCloseTo(c.test().uX() / 100, within(1e-15));
  }

  static double[] allDifferences(double[] x, double[] y) {
    double[] all = new double[x.length * y.length];
    int k = 0;
    for (double a : x) {
      for (double b : y) {
        all[k++] = a - b;
      }
    }
    Arrays.sort(all);
    return all;
  }

  /** Pr(U ≤ u) by enumerating all labelings of ranks 1..N (no ties). */
  static double[] bruteForceCdf(int m, int n) {
    int total = m + n;
    double[] counts = new double[m * n + 1];
    long all = 0;
    for (int mask = 0; mask < 1 << total; mask++) {
      if (Integer.bitCount(mask) != m) {
        continue;
      }
      int u = 0;
      for (int i = 0; i < total; i++) {
        for (int j = 0; j < i; j++) {
          if ((mask >> i & 1) == 1 && (mask >> j & 1) == 0) {
            u++;
          }
        }
      }
      counts[u]++;
      all++;
    }
    double[] cdf = new double[counts.length];
    double running = 0;
    for (int u = 0; u < counts.length; u++) {
      running += counts[u];
      cdf[u] = running / all;
    }
    return cdf;
  }
}
