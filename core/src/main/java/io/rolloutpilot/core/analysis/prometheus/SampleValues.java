package io.rolloutpilot.core.analysis.prometheus;

/** Prometheus sample strings: Go's float formatting plus {@code NaN}, {@code +Inf}, {@code -Inf}. */
public final class SampleValues {
  private SampleValues() {}

  public static double parse(String text) {
    switch (text) {
      case "+Inf":
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        return Double.parseDouble(text);
    }
  }

  /** Timestamps are float seconds with millisecond precision. */
  public static long millis(double seconds) {
    return Math.round(seconds * 1000);
  }
}
