package io.rolloutpilot.core.analysis.stats;

/**
 * The exact distribution of the rank sum of X given the observed midranks (ties included): every
 * m-subset of the N pooled ranks is equally likely. Works on doubled midranks a_i = 2·r_i, which
 * are integers, counting k-subsets with sum s in W[k][s]. About N·m·S additions.
 */
public final class ConditionalExactDistribution {
  private final double[] probability;

  public ConditionalExactDistribution(Ranking ranking) {
    this.probability = build(ranking);
  }

  private static double[] build(Ranking ranking) {
    int m = ranking.m();
    int[] doubled = doubledRanks(ranking);
    int total = 0;
    for (int a : doubled) {
      total += a;
    }
    double[][] ways = new double[m + 1][total + 1];
    ways[0][0] = 1;
    int reach = 0;
    for (int i = 0; i < doubled.length; i++) {
      int a = doubled[i];
      reach += a;
      for (int k = Math.min(m, i + 1); k >= 1; k--) {
        double[] into = ways[k];
        double[] from = ways[k - 1];
        for (int s = reach; s >= a; s--) {
          into[s] += from[s - a];
        }
      }
    }
    double[] counts = ways[m];
    double all = 0;
    for (double c : counts) {
      all += c;
    }
    double[] result = new double[counts.length];
    for (int s = 0; s < counts.length; s++) {
      result[s] = counts[s] / all;
    }
    return result;
  }

  private static int[] doubledRanks(Ranking ranking) {
    double[] ranks = ranking.ranks();
    int[] doubled = new int[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      doubled[i] = (int) Math.round(2 * ranks[i]);
    }
    return doubled;
  }

  /** Pr(2·R_X ≥ s). */
  public double sf(int doubledRankSum) {
    double sum = 0;
    for (int s = Math.max(0, doubledRankSum); s < probability.length; s++) {
      sum += probability[s];
    }
    return Math.min(1.0, sum);
  }

  /** Pr(2·R_X ≤ s). */
  public double cdf(int doubledRankSum) {
    double sum = 0;
    for (int s = 0; s <= doubledRankSum && s < probability.length; s++) {
      sum += probability[s];
    }
    return Math.min(1.0, sum);
  }
}
