package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.spec.Direction;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import io.rolloutpilot.core.analysis.stats.Comparison;
import io.rolloutpilot.core.analysis.stats.CountTestResult;
import java.util.Locale;

/** The directional part of a metric's decision (guardrail, rank test, count test, margin) for each bad side b. */
final class Directional {

  static MetricVerdict badVerdict(Direction direction) {
    return direction == Direction.DECREASE ? MetricVerdict.LOW : MetricVerdict.HIGH;
  }

  /** HIGH/LOW when the canary aggregate breaks its absolute guardrail, else null. */
  static MetricVerdict guardrail(MetricSpec metric, double aggregate) {
    if (metric.guardrail().aboveMax(aggregate)) {
      return MetricVerdict.HIGH;
    }
    if (metric.guardrail().belowMin(aggregate)) {
      return MetricVerdict.LOW;
    }
    return null;
  }

  Judgement judge(Direction direction, Comparison comparison, CountTestResult counts, double margin, double alpha,
      boolean interim) {
    boolean up = direction != Direction.DECREASE;
    boolean down = direction != Direction.INCREASE;
    double shown = direction == Direction.EITHER ? Math.min(1, 2 * Math.min(comparison.test().pGreater(),
        comparison.test().pLess())) : up ? comparison.test().pGreater() : comparison.test().pLess();
    for (int sign : new int[] {1, -1}) {
      if ((sign == 1 && !up) || (sign == -1 && !down)) {
        continue;
      }
      String worse = regression(sign, comparison, counts, margin, alpha);
      if (worse != null) {
        return new Judgement(sign == 1 ? MetricVerdict.HIGH : MetricVerdict.LOW, worse, shown);
      }
    }
    if (interim) {
      return new Judgement(MetricVerdict.INCONCLUSIVE, "interim look: no regression at α=" + fmt(alpha), shown);
    }
    double upper = comparison.shift().upper();
    double lower = comparison.shift().lower();
    boolean inside = (!up || upper <= margin) && (!down || -lower <= margin);
    String bounds = boundsText(up, down, lower, upper, margin);
    if (inside) {
      return new Judgement(MetricVerdict.PASS, "non-inferior: " + bounds + " within margin " + fmt(margin)
          + " (p=" + fmt(shown) + ")", shown);
    }
    return new Judgement(MetricVerdict.INCONCLUSIVE, "not enough evidence either way: " + bounds
        + " exceeds margin " + fmt(margin) + " but p=" + fmt(shown) + " is not below " + fmt(alpha), shown);
  }

  /** The reason for a regression on side sign (+1 higher is worse), or null. */
  private static String regression(int sign, Comparison comparison, CountTestResult counts, double margin,
      double alpha) {
    double p = sign == 1 ? comparison.test().pGreater() : comparison.test().pLess();
    double shift = sign * comparison.shift().estimate();
    if (p < alpha && shift > margin) {
      return "p=" + fmt(p) + " < " + fmt(alpha) + " and shift " + signed(comparison.shift().estimate())
          + relative(comparison.relativeChange()) + " beyond margin " + fmt(margin) + " ("
          + comparison.test().method().label() + ")";
    }
    if (counts != null) {
      double countP = sign == 1 ? counts.pGreater() : counts.pLess();
      double difference = sign * (counts.canaryRatio() - counts.baselineRatio());
      if (countP < alpha && difference > margin) {
        return "window totals: canary " + fmt(counts.canaryRatio()) + " vs baseline " + fmt(counts.baselineRatio())
            + ", p=" + fmt(countP) + " < " + fmt(alpha) + " (" + counts.method() + dispersion(counts)
            + ") beyond margin " + fmt(margin);
      }
    }
    return null;
  }

  /** The dispersion the count test allowed for, when it was more than the binomial variance. */
  private static String dispersion(CountTestResult counts) {
    double factor = counts.dispersion().factor();
    return factor > 1 ? ", dispersion " + fmt(factor) : "";
  }

  private static String boundsText(boolean up, boolean down, double lower, double upper, double margin) {
    if (up && down) {
      return "shift bounds [" + fmt(lower) + ", " + fmt(upper) + "]";
    }
    return up ? "upper bound of the increase " + fmt(upper) : "upper bound of the decrease " + fmt(-lower);
  }

  private static String relative(double change) {
    return Double.isFinite(change) ? String.format(Locale.ROOT, " (%+.1f %%)", 100 * change) : "";
  }

  private static String signed(double value) {
    return (value >= 0 ? "+" : "") + fmt(value);
  }

  static String fmt(double value) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
  }
}
