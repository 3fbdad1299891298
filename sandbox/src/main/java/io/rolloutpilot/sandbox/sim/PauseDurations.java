package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Pause durations as Argo reads them: int seconds, bare digits, or a Go duration string. */
final class PauseDurations {
  private PauseDurations() {}

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
    try {
      return io.rolloutpilot.core.validation.Durations.parse("pause.duration", text);
    } catch (io.rolloutpilot.core.error.InvalidInputException e) {
      return Duration.ofSeconds(-1);
    }
  }
}
