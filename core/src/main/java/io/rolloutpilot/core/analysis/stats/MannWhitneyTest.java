package io.rolloutpilot.core.analysis.stats;

/**
 * Mann–Whitney U with midranks, choosing the method as R's {@code wilcox.test} does: the exact null
 * distribution without ties when both groups have at most 50 values, the exact conditional
 * distribution with ties when N ≤ 100, otherwise the normal approximation with tie and continuity
 * correction. A positive ρ̂ deflates the evidence: z·sqrt((1−ρ̂)/(1+ρ̂)), where exact p-values
 * are first mapped to their normal score.
 */
public final class MannWhitneyTest {
  public static final int EXACT_MAX_PER_GROUP = 50;
  public static final int CONDITIONAL_MAX_TOTAL = 100;

  private final int exactMaxPerGroup;
  private final int conditionalMaxTotal;

  public MannWhitneyTest() {
    this(EXACT_MAX_PER_GROUP, CONDITIONAL_MAX_TOTAL);
  }

  public MannWhitneyTest(int exactMaxPerGroup, int conditionalMaxTotal) {
    this.exactMaxPerGroup = exactMaxPerGroup;
    this.conditionalMaxTotal = conditionalMaxTotal;
  }

  public MannWhitneyResult test(double[] canary, double[] baseline) {
    return test(Ranking.of(canary, baseline), 0);
  }

  public PValueMethod methodFor(Ranking ranking) {
    if (!ranking.hasTies() && ranking.m() <= exactMaxPerGroup && ranking.n() <= exactMaxPerGroup) {
      return PValueMethod.EXACT;
    }
    if (ranking.hasTies() && ranking.total() <= conditionalMaxTotal) {
      return PValueMethod.CONDITIONAL_EXACT;
    }
    return PValueMethod.NORMAL;
  }

  public MannWhitneyResult test(Ranking ranking, double rho) {
    if (ranking.m() == 0 || ranking.n() == 0) {
      throw new IllegalArgumentException("Mann-Whitney needs at least one value in each group");
    }
    double deflation = LagOneAutocorrelation.deflation(rho);
    PValueMethod method = methodFor(ranking);
    double greater;
    double less;
    if (method == PValueMethod.NORMAL) {
      greater = NormalApproximation.oneSided(ranking, true, deflation);
      less = NormalApproximation.oneSided(ranking, false, deflation);
      double two = NormalApproximation.twoSided(ranking, deflation);
      return result(ranking, greater, less, two, method, rho);
    }
    if (method == PValueMethod.EXACT) {
      ExactNullDistribution null0 = new ExactNullDistribution(ranking.m(), ranking.n());
      greater = null0.sf(ranking.uX());
      less = null0.cdf(ranking.uX());
    } else {
      ConditionalExactDistribution conditional = new ConditionalExactDistribution(ranking);
      int doubledSum = (int) Math.round(2 * ranking.rankSumX());
      greater = conditional.sf(doubledSum);
      less = conditional.cdf(doubledSum);
    }
    greater = NormalScore.scaled(greater, deflation);
    less = NormalScore.scaled(less, deflation);
    return result(ranking, greater, less, Math.min(1.0, 2 * Math.min(greater, less)), method, rho);
  }

  private MannWhitneyResult result(Ranking ranking, double greater, double less, double two,
      PValueMethod method, double rho) {
    return new MannWhitneyResult(ranking.m(), ranking.n(), ranking.uX(), ranking.uY(), greater, less, two, method,
        NormalApproximation.sigmaU(ranking), rho);
  }
}
