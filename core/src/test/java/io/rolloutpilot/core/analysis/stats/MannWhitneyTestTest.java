package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mann–Whitney p-values against hand-checked vectors, against scipy 1.17 {@code mannwhitneyu}
 * (values generated once with a fixed seed and pasted here) and against a brute-force enumeration of
 * every assignment of the pooled values, written independently of {@link Ranking}.
 */
class MannWhitneyTestTest {
  private final MannWhitneyTest test = new MannWhitneyTest();
  private final MannWhitneyTest normalOnly = new MannWhitneyTest(0, 0);

  record Case(double[] x, double[] y, double greater, double less, double two) {}

  @Test
  void spinnaker6278IsAClearIncrease() {
    double[] canary = {100, 100, 100, 100, 100, 100, 100, 1, 1, 1};
    double[] baseline = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    MannWhitneyResult exact = test.test(canary, baseline);
    assertThat(exact.method()).isEqualTo(PValueMethod.CONDITIONAL_EXACT);
    assertThat(exact.pGreater()).isCloseTo(0.0015479876160990713, within(1e-12));
    assertThat(exact.pGreater()).isCloseTo(0.001548, within(5e-7));
    MannWhitneyResult normal = normalOnly.test(canary, baseline);
    assertThat(normal.method()).isEqualTo(PValueMethod.NORMAL);
    assertThat(normal.pGreater()).isCloseTo(0.000808386415310303, within(1e-12));
    assertThat(normal.pGreater()).isCloseTo(0.000808, within(5e-7));
  }

  @Test
  void kayenta426NormalApproximationIsAntiConservative() {
    double[] canary = {0, 1, 2, 1, 0, 0};
    double[] baseline = {0, 0, 0, 0, 0, 0};
    assertThat(test.test(canary, baseline).pGreater()).isCloseTo(0.09090909090909091, within(1e-12));
    assertThat(normalOnly.test(canary, baseline).pGreater()).isCloseTo(0.03656989982945446, within(1e-12));
  }

  @Test
  void exactWithoutTiesMatchesScipy() {
    for (Case c : EXACT) {
      MannWhitneyResult r = test.test(c.x(), c.y());
      assertThat(r.method()).isEqualTo(PValueMethod.EXACT);
      assertThat(r.pGreater()).isCloseTo(c.greater(), within(1e-9));
      assertThat(r.pLess()).isCloseTo(c.less(), within(1e-9));
      assertThat(r.pTwoSided()).isCloseTo(c.two(), within(1e-9));
    }
  }

  @Test
  void conditionalExactWithTiesMatchesScipyFullPermutation() {
    for (Case c : TIES) {
      MannWhitneyResult r = test.test(c.x(), c.y());
      assertThat(r.method()).isEqualTo(PValueMethod.CONDITIONAL_EXACT);
      assertThat(r.pGreater()).isCloseTo(c.greater(), within(1e-9));
      assertThat(r.pLess()).isCloseTo(c.less(), within(1e-9));
    }
  }

  @Test
  void normalApproximationWithTiesMatchesScipyAsymptotic() {
    for (Case c : ASYMPTOTIC) {
      MannWhitneyResult r = test.test(c.x(), c.y());
      assertThat(r.method()).isEqualTo(PValueMethod.NORMAL);
      assertThat(r.pGreater()).isCloseTo(c.greater(), within(1e-9));
      assertThat(r.pLess()).isCloseTo(c.less(), within(1e-9));
      assertThat(r.pTwoSided()).isCloseTo(c.two(), within(1e-9));
    }
  }

  @Test
  void exactMethodsMatchBruteForceEnumerationOnSeededCases() {
    Random random = new Random(4242);
    for (int round = 0; round < 40; round++) {
      int m = 2 + random.nextInt(7);
      int n = 2 + random.nextInt(7);
      boolean ties = round % 2 == 0;
      double[] x = sample(random, m, ties, 0.7);
      double[] y = sample(random, n, ties, 0);
      double[] expected = bruteForce(x, y);
      MannWhitneyResult r = test.test(x, y);
      assertThat(r.method()).isIn(PValueMethod.EXACT, PValueMethod.CONDITIONAL_EXACT);
      assertThat(r.pGreater()).as("greater %s %s", Arrays.toString(x), Arrays.toString(y))
          .isCloseTo(expected[0], within(1e-9));
      assertThat(r.pLess()).isCloseTo(expected[1], within(1e-9));
    }
  }

  @Test
  void methodFollowsTiesAndSampleSizes() {
    double[] fifty = new Random(1).doubles(50).toArray();
    double[] fiftyOne = new Random(2).doubles(51).toArray();
    assertThat(test.test(fifty, fifty.clone()).method()).isEqualTo(PValueMethod.CONDITIONAL_EXACT);
    assertThat(test.test(fifty, new Random(3).doubles(50).toArray()).method()).isEqualTo(PValueMethod.EXACT);
    assertThat(test.test(fiftyOne, fifty).method()).isEqualTo(PValueMethod.NORMAL);
    double[] tiedLarge = new double[60];
    Arrays.fill(tiedLarge, 1);
    assertThat(test.test(tiedLarge, fiftyOne).method()).isEqualTo(PValueMethod.NORMAL);
  }

  @Test
  void allTiedGivesNoEvidence() {
    double[] same = {3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
    MannWhitneyResult r = normalOnly.test(same, same.clone());
    assertThat(r.pGreater()).isEqualTo(1.0);
    assertThat(r.pLess()).isEqualTo(1.0);
    assertThat(r.cles()).isEqualTo(0.5);
  }

  @Test
  void autocorrelationDeflatesTheEvidence() {
    double[] x = new Random(7).doubles(80).map(v -> v + 0.3).toArray();
    double[] y = new Random(8).doubles(80).toArray();
    Ranking ranking = Ranking.of(x, y);
    double raw = test.test(ranking, 0).pGreater();
    double corrected = test.test(ranking, 0.5).pGreater();
    assertThat(raw).isLessThan(0.01);
    assertThat(corrected).isGreaterThan(raw);
    double z = NormalApproximation.z(ranking, true);
    assertThat(corrected).isCloseTo(NormalDistribution.sf(z * Math.sqrt(0.5 / 1.5)), within(1e-15));
  }

  @Test
  void uAndClesCountWinsAndHalfTies() {
    MannWhitneyResult r = test.test(new double[] {1, 2, 3}, new double[] {2, 0});
    assertThat(r.uX()).isEqualTo(4.5);
    assertThat(r.uY()).isEqualTo(1.5);
    assertThat(r.cles()).isEqualTo(0.75);
    assertThat(r.cliffsDelta()).isEqualTo(0.5);
  }

  static double[] sample(Random random, int size, boolean ties, double shift) {
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = ties ? random.nextInt(4) + (shift > 0 && random.nextBoolean() ? 1 : 0)
          : random.nextGaussian() + shift;
    }
    return values;
  }

  /** {Pr(U ≥ u_obs), Pr(U ≤ u_obs)} over all C(N, m) ways to label m pooled values as canary. */
  static double[] bruteForce(double[] x, double[] y) {
    int m = x.length;
    double[] pooled = new double[m + y.length];
    System.arraycopy(x, 0, pooled, 0, m);
    System.arraycopy(y, 0, pooled, m, y.length);
    double observed = wins(pooled, (1 << m) - 1);
    long atLeast = 0;
    long atMost = 0;
    long all = 0;
    for (int mask = 0; mask < 1 << pooled.length; mask++) {
      if (Integer.bitCount(mask) != m) {
        continue;
      }
      double u = wins(pooled, mask);
      all++;
      atLeast += u >= observed - 1e-9 ? 1 : 0;
      atMost += u <= observed + 1e-9 ? 1 : 0;
    }
    return new double[] {atLeast / (double) all, atMost / (double) all};
  }

  private static double wins(double[] pooled, int mask) {
    double u = 0;
    for (int i = 0; i < pooled.length; i++) {
      for (int j = 0; j < pooled.length; j++) {
        if ((mask >> i & 1) == 1 && (mask >> j & 1) == 0) {
          u += pooled[i] > pooled[j] ? 1 : pooled[i] == pooled[j] ? 0.5 : 0;
        }
      }
    }
    return u;
  }

  private static Case c(double[] x, double[] y, double greater, double less, double two) {
    return new Case(x, y, greater, less, two);
  }

  private static double[] d(double... values) {
    return values;
  }
  private static final Case[] EXACT = {
      c(d(0.969321, -0.143021, -0.678259, 0.35531), d(1.203458, 1.333584, 0.908301, 0.346564, 1.600035, 1.23284, -0.220318, -1.061965, -0.364569, -0.420019), 0.7302697302697303, 0.3176823176823177, 0.6353646353646354),
      c(d(-1.399116, 0.308631, 2.171222, -0.420284, -0.258464, 0.415739, -0.917821, 0.370387, 0.484347, 0.495345), d(-0.988514, -0.36583, 0.653818, -0.714551), 0.26973026973026976, 0.7732267732267732, 0.5394605394605395),
      c(d(1.155512, -0.927001, -0.145306, 1.155313, 0.993495, 0.679375, 0.151382, 0.608559, 2.374773, 0.278545), d(0.57965, -0.416748, -0.198326, 0.648027), 0.1198801198801199, 0.906093906093906, 0.2397602397602398),
      c(d(0.257583, -0.110308, -0.358708, 0.675753, 1.739823, 0.721407, 0.118233, -0.95112, 1.318957), d(0.210459, -0.631314, 0.861436, 1.574229, -1.631653, 0.590327, 0.845853, 0.580529, 1.601762, 0.625378), 0.6696399575656541, 0.35984758275779954, 0.7196951655155991),
      c(d(4.300128, 0.646192, 1.982107, 2.466109, 1.38145, -1.298108, -1.203972), d(-0.6776, 0.034065, -1.388827, -0.937152, -0.44509, -0.475107, 0.188615, 0.072571, -0.038764), 0.05708041958041958, 0.9546328671328672, 0.11416083916083916),
      c(d(-0.332397, -1.410916, 1.767488, 0.695471, 0.869518), d(-1.717359, 0.751157, -0.088026, 0.968344, -0.686173, 0.998357, 1.439397, -0.169561, -0.304528), 0.5, 0.550949050949051, 1.0),  };
  private static final Case[] TIES = {
      c(d(1.0, 1.0, 0.0, 3.0, 3.0, 3.0, 0.0), d(1.0, 2.0, 2.0, 0.0, 1.0, 1.0, 0.0), 0.2432983682983683, 0.7741841491841492, 0),
      c(d(2.0, 2.0, 3.0, 2.0, 3.0, 3.0, 0.0, 0.0), d(2.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0), 0.04755244755244755, 0.9533799533799534, 0),
      c(d(2.0, 0.0, 3.0, 1.0), d(0.0, 0.0, 2.0, 0.0, 2.0), 0.2619047619047619, 0.8650793650793651, 0),
      c(d(2.0, 2.0, 2.0, 1.0, 0.0, 1.0, 2.0), d(0.0, 2.0, 1.0, 0.0, 1.0, 2.0, 0.0), 0.17365967365967366, 0.9312354312354313, 0),
      c(d(3.0, 0.0, 3.0, 3.0, 1.0, 1.0, 3.0), d(0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0), 0.04079254079254079, 0.9941724941724942, 0),
      c(d(0.0, 3.0, 3.0, 2.0, 0.0, 3.0, 2.0), d(2.0, 2.0, 1.0, 1.0, 0.0, 2.0), 0.15675990675990675, 0.8607226107226107, 0),  };
  private static final Case[] ASYMPTOTIC = {
      c(d(0.2, 0.6, 0.3, 0.6, 0.7, 0.6, 1.4, 2.3, 0.2, 0.1, 1.0, 0.7, 1.5, 0.0, 0.3, 0.8, 0.0, 0.8, 0.3, 1.8, 1.8, 0.1, 1.0, 0.2, 0.9, 0.3, 1.2, 1.9, 0.1, 0.5, 0.8, 1.7, 0.4, 1.0, 2.3, 0.1, 0.3, 0.4, 0.8, 1.1, 1.9, 0.5, 0.9, 0.0, 0.3, 1.4, 3.4, 0.9, 1.4, 3.6, 0.2, 1.3, 1.8, 0.1, 0.4, 0.5, 0.3, 1.9, 0.6, 0.1, 0.8, 0.3, 3.0, 1.5, 0.8, 1.0, 0.0, 0.7, 1.1, 0.8, 0.5), d(0.5, 0.1, 0.5, 0.6, 1.1, 0.4, 0.6, 0.3, 0.3, 0.8, 1.7, 0.6, 0.5, 0.1, 2.5, 0.2, 0.8, 1.7, 0.3, 1.4, 0.0, 1.3, 2.6, 2.3, 0.3, 0.4, 1.0, 0.0, 1.2, 1.6, 0.1, 1.9, 0.3, 2.0, 0.9, 1.3, 0.3, 0.7, 5.0, 0.5), 0.5684213630304157, 0.43399942410258013, 0.8679988482051603),
      c(d(0.1, 0.4, 1.1, 1.0, 0.5, 4.8, 1.9, 2.1, 1.2, 0.2, 1.3, 0.4, 0.1, 1.4, 1.0, 0.0, 4.2, 1.8, 0.6, 0.2, 2.1, 1.1, 0.9, 1.2, 2.2, 0.2, 0.4, 0.3, 1.2, 0.6, 7.7, 0.6, 0.4, 1.2, 1.2, 1.8, 1.9, 0.7, 2.5, 0.1, 0.3), d(0.0, 0.3, 0.0, 1.6, 0.5, 0.6, 0.5, 0.1, 0.1, 1.1, 0.1, 1.3, 0.9, 0.3, 1.7, 1.6, 0.1, 0.3, 0.7, 4.7, 1.6, 0.5, 1.9, 4.5, 1.2, 0.8, 0.1, 0.1, 0.3, 0.6, 0.2, 1.0, 0.3, 3.6, 0.7, 1.0, 0.2, 0.5, 0.6, 2.3, 0.3, 0.5, 1.7, 0.4, 0.9, 2.5, 0.8, 0.1, 0.2, 0.6, 1.0, 1.4, 0.0, 0.1, 0.3, 0.2, 0.8, 1.4, 0.1, 1.6, 0.6, 0.4, 0.4, 0.1, 2.3, 0.4, 1.0, 0.2, 0.1, 0.6, 0.3, 0.3, 1.3, 0.5, 1.5, 0.3, 1.2, 1.9, 1.1, 2.2, 0.1, 2.1, 0.6), 0.03663025307421039, 0.963794661143581, 0.07326050614842078),
      c(d(0.4, 0.0, 2.8, 0.6, 1.1, 3.5, 1.1, 0.5, 0.1, 2.3, 1.1, 0.6, 0.9, 0.7, 3.8, 0.5, 4.4, 0.5, 1.8, 0.5, 0.2, 1.0, 0.4, 0.2, 2.5, 1.3, 0.2, 0.6, 1.6, 0.5, 0.7, 0.3, 0.5, 0.6, 0.9, 0.0, 0.4, 0.2, 0.4, 0.0, 1.6, 0.1, 4.3, 0.5, 1.1, 0.2, 0.4, 0.7, 2.6, 0.8, 0.7, 1.0, 0.1, 1.5, 0.4, 0.7, 0.4, 1.6, 0.1, 1.4, 1.1, 0.3, 0.5, 0.9, 0.8, 3.5, 0.1, 2.8, 1.1, 2.2, 0.5, 5.0, 3.4, 1.6, 1.1, 5.4, 0.3, 1.0, 0.5, 0.3, 0.4, 0.5, 1.3, 0.6), d(0.5, 2.6, 2.8, 0.3, 0.1, 2.5, 2.3, 0.3, 0.1, 0.0, 0.8, 0.5, 1.6, 0.2, 0.0, 0.4, 0.4, 0.2, 1.8, 3.4, 0.3, 0.1, 0.8, 0.2, 1.3, 2.3, 0.4, 2.3, 0.6, 0.3, 0.4, 3.5, 0.1, 1.9, 0.3, 1.0, 0.6, 0.6, 1.1, 0.4, 0.0, 0.0, 0.0, 0.6, 1.3, 0.0, 0.3, 1.1, 1.2, 0.1, 0.6, 0.1, 0.8, 0.6, 0.8, 0.0, 0.3, 0.9, 0.5, 0.2, 0.3), 0.014807710427541193, 0.9853419428885527, 0.029615420855082387),
      c(d(0.9, 0.3, 0.2, 0.1, 0.5, 0.6, 0.0, 1.0, 6.4, 0.0, 0.2, 0.2, 0.0, 2.3, 0.3, 1.5, 1.4, 1.3, 0.7, 0.5, 0.3, 0.5, 3.4, 0.5, 0.3, 1.7, 0.1, 0.2, 4.2, 0.2, 0.3, 2.0, 1.4, 0.1, 0.9, 2.2, 1.3, 1.1, 0.5, 0.4, 0.2, 3.5, 1.0, 0.8, 2.1, 2.1, 3.1, 1.9, 3.9, 3.0, 0.9, 0.4, 2.5, 0.7, 0.4, 1.2, 0.4, 0.1, 2.1, 0.1, 1.1, 1.7, 1.8, 0.1, 0.6, 0.0, 3.0, 0.9, 1.7, 0.1, 2.9, 0.6, 0.8, 2.7, 0.3), d(1.0, 1.2, 0.7, 1.3, 0.2, 0.0, 1.1, 2.9, 0.4, 1.9, 0.1, 1.1, 2.5, 1.3, 0.4, 0.7, 1.3, 0.1, 0.8, 0.0, 1.3, 1.1, 0.9, 0.9, 1.2, 1.3, 0.5, 0.3, 4.3, 1.1, 1.2, 1.0, 0.9, 0.6, 0.9, 0.3, 0.0, 0.3, 1.5, 0.5, 0.3), 0.42885767991518003, 0.5734115615062431, 0.8577153598303601),  };
}
