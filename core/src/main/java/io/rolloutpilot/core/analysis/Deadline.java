package io.rolloutpilot.core.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Our own deadline for one analysis, after which the verdict is TIMED_OUT: every wait and every request
 * of the analysis is cut to what is left of it, so a stalling server cannot hold the analysis past it.
 */
public final class Deadline {
  public static final Deadline NONE = new Deadline(null, null, Duration.ZERO);

  private final Instant at;
  private final Clock clock;
  private final Duration timeout;

  private Deadline(Instant at, Clock clock, Duration timeout) {
    this.at = at;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** The deadline {@code timeout} from now; zero means none. */
  public static Deadline after(Duration timeout, Clock clock) {
    return timeout == null || timeout.isZero() ? NONE : new Deadline(clock.instant().plus(timeout), clock, timeout);
  }

  public boolean isSet() {
    return at != null;
  }

  /** How long the analysis may take in all, as the user gave it. */
  public Duration timeout() {
    return timeout;
  }

  /** What is left, never negative; for no deadline, {@code wanted}. */
  public Duration cap(Duration wanted) {
    if (at == null) {
      return wanted;
    }
    Duration left = Duration.between(clock.instant(), at);
    return left.isNegative() ? Duration.ZERO : left.compareTo(wanted) < 0 ? left : wanted;
  }

  public boolean passed() {
    return at != null && !clock.instant().isBefore(at);
  }
}
