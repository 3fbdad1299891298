package io.rolloutpilot.core.analysis.spec;

/**
 * The practically significant change M: an absolute amount, or a share of the baseline median.
 * Exactly one of the two is set.
 */
public record Margin(Double absolute, Double ratio) {
  public static Margin absolute(double value) {
    return new Margin(value, null);
  }

  public static Margin ratio(double value) {
    return new Margin(null, value);
  }

  public double resolve(double baselineMedian) {
    return absolute != null ? absolute : ratio * Math.abs(baselineMedian);
  }

  public String describe() {
    return absolute != null ? "absolute " + absolute : Math.round(ratio * 1000) / 10.0 + " % of baseline median";
  }
}
