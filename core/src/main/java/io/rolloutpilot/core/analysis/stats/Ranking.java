package io.rolloutpilot.core.analysis.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Midranks of the pooled sample X ∪ Y (X first), the rank sum of X and the tie block sizes.
 * Ranks run from 1 to N; a tie block at sorted positions i…j gets (i+j)/2.
 *
 * @param ranks pooled ranks, indices 0…m−1 are X in input order, m…N−1 are Y
 * @param tieSizes sizes t of the blocks with t ≥ 2
 */
public record Ranking(int m, int n, double[] ranks, double rankSumX, int[] tieSizes) {

  public static Ranking of(double[] x, double[] y) {
    int m = x.length;
    int n = y.length;
    double[] pooled = new double[m + n];
    System.arraycopy(x, 0, pooled, 0, m);
    System.arraycopy(y, 0, pooled, m, n);
    Integer[] order = IntStream.range(0, pooled.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> pooled[i]));
    double[] ranks = new double[pooled.length];
    int[] ties = new int[pooled.length];
    int tieCount = 0;
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && pooled[order[end + 1]] == pooled[order[start]]) {
        end++;
      }
      double midrank = (start + end + 2) / 2.0;
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = midrank;
      }
      if (end > start) {
        ties[tieCount++] = end - start + 1;
      }
      start = end + 1;
    }
    double sumX = 0;
    for (int i = 0; i < m; i++) {
      sumX += ranks[i];
    }
    return new Ranking(m, n, ranks, sumX, Arrays.copyOf(ties, tieCount));
  }

  public int total() {
    return m + n;
  }

  public boolean hasTies() {
    return tieSizes.length > 0;
  }

  /** U_X = R_X − m(m+1)/2 = #{x > y} + ½·#{x = y}. */
  public double uX() {
    return rankSumX - m * (m + 1) / 2.0;
  }

  public double uY() {
    return (double) m * n - uX();
  }

  /** Σ (t³ − t) over tie blocks. */
  public double tieTerm() {
    double sum = 0;
    for (int t : tieSizes) {
      sum += (double) t * t * t - t;
    }
    return sum;
  }

  /** The ranks of X (first) or Y in input order. */
  public double[] groupRanks(boolean canary) {
    return canary ? Arrays.copyOfRange(ranks, 0, m) : Arrays.copyOfRange(ranks, m, m + n);
  }
}
