package io.rolloutpilot.core.validation;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.rolloutpilot.core.error.InvalidInputException;

/**
 * Durations as users write them in Argo manifests and on our command line: Go-style
 * ({@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms}, down to {@code ns}) or bare seconds ({@code 30}).
 * Digits are ASCII only, and no duration exceeds {@link #MAX}: a longer one is a typo, not a plan.
 */
public final class Durations {
  /** The longest duration accepted anywhere: 30 days. */
  public static final Duration MAX = Duration.ofDays(30);
  private static final Pattern SECONDS = Pattern.compile("[0-9]+");
  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|s|m|h)");
  private static final Pattern WHOLE = Pattern.compile("(([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|s|m|h))+");

  private Durations() {}

  public static Duration parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "must not be empty; use e.g. 30s, 5m, 1h30m or 0 for no limit");
    }
    String value = text.trim();
    if (SECONDS.matcher(value).matches()) {
      return bounded(field, text, Double.parseDouble(value) * 1e9);
    }
    if (!WHOLE.matcher(value).matches()) {
      throw new InvalidInputException(field, "'" + text + "' is not a duration; use a number with a unit"
          + " ms, s, m or h (e.g. 30s, 5m, 1h30m) or whole seconds");
    }
    Matcher part = PART.matcher(value);
    double nanos = 0;
    while (part.find()) {
      nanos += Double.parseDouble(part.group(1)) * unitNanos(part.group(2));
    }
    return bounded(field, text, nanos);
  }

  private static Duration bounded(String field, String text, double nanos) {
    if (nanos > MAX.toNanos()) {
      throw new InvalidInputException(field, "'" + text + "' is longer than the longest duration allowed, "
          + format(MAX));
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> 3_600_000_000_000L;
    };
  }

  /** Renders a duration the way users write it: {@code 1h30m}, {@code 45s}, {@code 250ms}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    StringBuilder out = new StringBuilder();
    if (seconds >= 3600) {
      out.append(seconds / 3600).append('h');
      seconds %= 3600;
    }
    if (seconds >= 60) {
      out.append(seconds / 60).append('m');
      seconds %= 60;
    }
    if (seconds > 0 || out.length() == 0) {
      out.append(seconds).append('s');
    }
    return out.toString();
  }
}
