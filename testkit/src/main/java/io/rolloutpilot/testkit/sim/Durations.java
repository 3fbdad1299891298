package io.rolloutpilot.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pause durations as Argo reads them: int seconds, bare digits, or a Go duration string. */
final class Durations {
  private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private Durations() {}

  /** Null when the pause has no duration (indefinite); negative when unparsable (Argo: -1). */
  static Duration pauseDuration(JsonNode pause) {
    JsonNode duration = pause.path("duration");
    if (duration.isMissingNode() || duration.isNull()) {
      return null;
    }
    if (duration.isNumber()) {
      return Duration.ofSeconds(duration.asLong());
    }
    return parse(duration.asText());
  }

  static Duration parse(String text) {
    String s = text.trim();
    if (s.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(s));
    }
    Matcher m = GO_PART.matcher(s);
    long nanos = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      nanos += (long) (Double.parseDouble(m.group(1)) * unitNanos(m.group(2)));
      end = m.end();
    }
    return end == s.length() && end > 0 ? Duration.ofNanos(nanos) : Duration.ofSeconds(-1);
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
}
