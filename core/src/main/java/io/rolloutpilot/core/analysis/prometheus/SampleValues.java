package io.rolloutpilot.core.analysis.prometheus;

import java.util.regex.Pattern;

/**
 * Prometheus sample strings: Go's float formatting plus {@code NaN}, {@code +Inf}, {@code -Inf}. Only that:
 * Java would also read {@code "Infinity"}, {@code "0x1p3"}, {@code "1d"} or padded text, none of which a
 * Prometheus sends.
 */
public final class SampleValues {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private SampleValues() {}

  /** @throws NumberFormatException when the text is not a Prometheus sample value */
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
        if (!DECIMAL.matcher(text).matches()) {
          throw new NumberFormatException("not a Prometheus sample value");
        }
        return Double.parseDouble(text);
    }
  }

  /** Timestamps are float seconds with millisecond precision. */
  public static long millis(double seconds) {
    return Math.round(seconds * 1000);
  }
}
