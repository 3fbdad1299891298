package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.MetricData;
import io.rolloutpilot.core.analysis.stats.NormalDistribution;
import java.util.Arrays;
import java.util.List;

/**
 * Kayenta's NetflixACAJudge classification, as Kayenta
 * describes it: a two-sided 98 % Hodges–Lehmann interval by root-finding on the normal approximation with
 * tie and continuity correction; High when its lower end exceeds 0.25·|estimate| and the mean ratio is at
 * least allowedIncrease (1.0, or NaN). Metrics are critical, so any High fails the canary; an exception
 * (all values tied) is an Error, which Kayenta does not count.
 */
final class KayentaRule implements CanaryRule {
  static final double CONFIDENCE = 0.98;
  static final double TOLERANCE = 0.25;
  static final double ALLOWED_INCREASE = 1.0;
  private static final int ITERATIONS = 60;

  @Override
  public String name() {
    return "Kayenta classification";
  }

  @Override
  public String parameters() {
    return "98% two-sided HL interval (normal approx.), High if lower > 0.25*|HL| and mean ratio >= 1.0,"
        + " direction increase, all metrics critical";
  }

  @Override
  public boolean failed(List<MetricData> metrics) {
    for (MetricData data : metrics) {
      if (high(clean(data.canary().values()), clean(data.baseline().values()))) {
        return true;
      }
    }
    return false;
  }

  static boolean high(double[] x, double[] y) {
    if (x.length == 0 || y.length == 0 || identical(x, y) || distinct(x, y) == 1) {
      return false;
    }
    double alpha = 1 - CONFIDENCE;
    double z = NormalDistribution.upperQuantile(alpha / 2);
    double lo = min(x) - max(y);
    double hi = max(x) - min(y);
    double lower = root(x, y, z, lo, hi);
    double estimate = root(x, y, 0, lo, hi);
    if (Double.isNaN(lower) || Double.isNaN(estimate)) {
      return false;
    }
    double ratio = mean(y) == 0 || mean(x) == 0 ? Double.NaN : mean(x) / mean(y);
    return lower > TOLERANCE * Math.abs(estimate) && (Double.isNaN(ratio) || ratio >= ALLOWED_INCREASE);
  }

  /** The shift μ where the corrected z of (x − μ) against y equals zq, by bisection; NaN when σ = 0. */
  static double root(double[] x, double[] y, double zq, double lo, double hi) {
    double fLo = f(x, y, lo, zq);
    double fHi = f(x, y, hi, zq);
    if (Double.isNaN(fLo) || Double.isNaN(fHi)) {
      return Double.NaN;
    }
    if (fLo <= 0) {
      return lo;
    }
    if (fHi >= 0) {
      return hi;
    }
    for (int i = 0; i < ITERATIONS; i++) {
      double mid = (lo + hi) / 2;
      if (f(x, y, mid, zq) > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  static double f(double[] x, double[] y, double mu, double zq) {
    int m = x.length;
    int n = y.length;
    double[][] pooled = new double[m + n][];
    for (int i = 0; i < m; i++) {
      pooled[i] = new double[] {x[i] - mu, 1};
    }
    for (int j = 0; j < n; j++) {
      pooled[m + j] = new double[] {y[j], 0};
    }
    Arrays.sort(pooled, (a, b) -> Double.compare(a[0], b[0]));
    double rankSumX = 0;
    double ties = 0;
    for (int start = 0; start < pooled.length;) {
      int end = start;
      while (end + 1 < pooled.length && pooled[end + 1][0] == pooled[start][0]) {
        end++;
      }
      double midrank = (start + end) / 2.0 + 1;
      double t = end - start + 1;
      ties += t * t * t - t;
      for (int k = start; k <= end; k++) {
        rankSumX += pooled[k][1] * midrank;
      }
      start = end + 1;
    }
    double dz = rankSumX - m * (m + 1) / 2.0 - m * (double) n / 2;
    double total = m + n;
    double sigma = Math.sqrt(m * (double) n / 12 * ((total + 1) - ties / (total * (total - 1))));
    if (sigma == 0) {
      return Double.NaN;
    }
    return (dz - Math.signum(dz) * 0.5) / sigma - zq;
  }

  private static double[] clean(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
  }

  private static boolean identical(double[] x, double[] y) {
    double[] a = x.clone();
    double[] b = y.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    return Arrays.equals(a, b);
  }

  private static long distinct(double[] x, double[] y) {
    return java.util.stream.DoubleStream.concat(Arrays.stream(x), Arrays.stream(y)).distinct().count();
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }
}
