package io.rolloutpilot.core.analysis;

import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.validation.Durations;
import io.rolloutpilot.core.validation.Quoted;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The canary's start t₀ as a user gives it: an RFC 3339 time ({@code 2026-01-01T10:00:00Z}) or a duration
 * ago ({@code 30m}), ASCII digits only. A start in the future would have the judge wait for a window that
 * has not begun, and one more than {@link Durations#MAX} ago judges data nobody means to judge; both are
 * bad input.
 */
public final class CanaryStarts {
  private CanaryStarts() {}

  public static Instant parse(String field, String text, Clock clock) {
    Instant now = clock.instant();
    Instant start;
    try {
      start = OffsetDateTime.parse(text == null ? "" : text.strip()).toInstant();
    } catch (DateTimeParseException notATime) {
      try {
        start = now.minus(Durations.parse(field, text));
      } catch (InvalidInputException notADuration) {
        throw new InvalidInputException(field, Quoted.of(text) + " is neither an RFC 3339 time"
            + " (2026-01-01T10:00:00Z) nor a duration ago (30m)");
      }
    }
    return requireRecent(field, start, clock);
  }

  /** The start itself, when it is neither after now nor more than {@link Durations#MAX} before it. */
  public static Instant requireRecent(String field, Instant start, Clock clock) {
    Instant now = clock.instant();
    if (start.isAfter(now)) {
      throw new InvalidInputException(field, start + " is in the future (now is " + now + "); the canary's start"
          + " is when its pods came up");
    }
    if (start.isBefore(now.minus(Durations.MAX))) {
      throw new InvalidInputException(field, start + " is more than " + Durations.MAX.toDays() + " days ago; give"
          + " a start within the last " + Durations.MAX.toDays() + " days");
    }
    return start;
  }
}
