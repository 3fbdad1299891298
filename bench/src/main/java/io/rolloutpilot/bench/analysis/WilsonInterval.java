package io.rolloutpilot.bench.analysis;

import java.util.Locale;

/**
 * A share of runs with its 95 % Wilson score interval. Unlike the plain normal interval p ± 1.96·sqrt(p(1−p)/n)
 * it stays inside [0, 1] and keeps its coverage for the rare events a false-alarm rate is about (a few dozen in
 * thousands), and it is not empty when no run failed.
 */
record WilsonInterval(int events, int runs, double rate, double lower, double upper) {
  /** The two-sided 95 % normal quantile. */
  static final double Z = 1.959963984540054;

  static WilsonInterval of(int events, int runs) {
    if (runs <= 0 || events < 0 || events > runs) {
      throw new IllegalArgumentException(events + " of " + runs + " runs");
    }
    double n = runs;
    double p = events / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new WilsonInterval(events, runs, p, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** For example "0.62% [0.51, 0.75]". */
  String describe() {
    return String.format(Locale.ROOT, "%s%% [%s, %s]", percent(rate), percent(lower), percent(upper));
  }

  static String percent(double share) {
    double p = 100 * share;
    return String.format(Locale.ROOT, p >= 99.995 || p == 0 ? "%.0f" : p >= 10 ? "%.1f" : "%.2f", p);
  }
}
