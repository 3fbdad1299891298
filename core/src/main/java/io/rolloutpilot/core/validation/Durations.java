package io.rolloutpilot.core.validation;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them in Argo manifests and on our command line: Go-style
 * ({@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms}) or bare seconds ({@code 30}).
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
  private static final Pattern WHOLE = Pattern.compile("((\\d+(?:\\.\\d+)?)(ms|s|m|h))+");

  private Durations() {}

  public static Duration parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "must not be empty; use e.g. 30s, 5m, 1h30m or 0 for no limit");
    }
    String value = text.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    if (!WHOLE.matcher(value).matches()) {
      throw new InvalidInputException(field, "'" + text + "' is not a duration; use a number with a unit"
          + " ms, s, m or h (e.g. 30s, 5m, 1h30m) or whole seconds");
    }
    Matcher part = PART.matcher(value);
    double millis = 0;
    while (part.find()) {
      millis += Double.parseDouble(part.group(1)) * unitMillis(part.group(2));
    }
    return Duration.ofMillis(Math.round(millis));
  }

  private static long unitMillis(String unit) {
    switch (unit) {
      case "ms": return 1;
      case "s": return 1_000;
      case "m": return 60_000;
      default: return 3_600_000;
    }
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
