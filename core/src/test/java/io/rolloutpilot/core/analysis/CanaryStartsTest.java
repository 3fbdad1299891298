package io.rolloutpilot.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolloutpilot.core.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanaryStartsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-03-01T12:00:01Z | is in the future",
      "2999-01-01T00:00:00Z | is in the future",
      "+999999999-12-31T23:59:59Z | is in the future",
      "2026-03-01T13:00:00+00:30 | is in the future",
      "1970-01-01T00:00:00Z | is more than 30 days ago",
      "-999999999-01-01T00:00:00Z | is more than 30 days ago",
      "2026-01-30T11:59:59Z | is more than 30 days ago",
      "31d | neither an RFC 3339 time",
      "721h | neither an RFC 3339 time",
      "３０m | neither an RFC 3339 time",
      "２０２６-03-01T10:00:00Z | neither an RFC 3339 time",
      "2026-03-01T10:00:00 | neither an RFC 3339 time",
      "2026-13-45T10:00:00Z | neither an RFC 3339 time",
      "-5m | neither an RFC 3339 time",
      "yesterday | neither an RFC 3339 time"})
  void startsThatWouldWaitForeverOrJudgeNonsenseAreBadInput(String text, String message) {
    assertThatThrownBy(() -> CanaryStarts.parse("since", text, CLOCK))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("since"))
        .hasMessageContaining(message);
  }

  @Test
  void timesAndDurationsAgoWithinThirtyDaysAreAccepted() {
    assertThat(CanaryStarts.parse("since", "2026-03-01T10:00:00Z", CLOCK)).isEqualTo(NOW.minusSeconds(7200));
    assertThat(CanaryStarts.parse("since", "2026-03-01T13:00:00+01:00", CLOCK)).isEqualTo(NOW);
    assertThat(CanaryStarts.parse("since", "30m", CLOCK)).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
    assertThat(CanaryStarts.parse("since", "0", CLOCK)).isEqualTo(NOW);
    assertThat(CanaryStarts.parse("since", "720h", CLOCK)).isEqualTo(NOW.minus(Duration.ofDays(30)));
  }
}
