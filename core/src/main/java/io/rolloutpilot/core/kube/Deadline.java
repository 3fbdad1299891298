package io.rolloutpilot.core.kube;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When an operation must be over. It is fixed when the operation starts, so the first reads, the
 * update, the follow and the last read all share one budget and the caller's timeout bounds the whole.
 *
 * @param at the instant, or null for no deadline
 * @param budget the duration the caller gave, for messages
 */
public record Deadline(Instant at, Duration budget) {
  public static final Deadline NONE = new Deadline(null, Duration.ZERO);

  /** {@code budget} from now; zero (or null) means no deadline. */
  public static Deadline after(Duration budget, Clock clock) {
    return budget == null || budget.isZero() ? NONE : new Deadline(clock.instant().plus(budget), budget);
  }

  public boolean limited() {
    return at != null;
  }

  /** Time left, never negative; {@link Duration#ZERO} when there is no deadline, so check {@link #limited} first. */
  public Duration remaining(Clock clock) {
    if (at == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), at);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The same deadline, moved to at least {@code floor} from now: for a last read after the work itself ended. */
  public Deadline atLeast(Duration floor, Clock clock) {
    Instant earliest = clock.instant().plus(floor);
    return at == null || !at.isBefore(earliest) ? this : new Deadline(earliest, budget);
  }
}
