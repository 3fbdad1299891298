package io.rolloutpilot.sandbox;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** For tests that wait on state they cannot watch: read a value again until a condition holds. */
public final class Polling {
  private Polling() {}

  /**
   * The first value {@code read} returns that passes {@code condition}, reading every {@code interval};
   * after {@code timeout}, an {@link AssertionError} whose message {@code failure} makes from the last value.
   */
  public static <T> T until(Duration timeout, Duration interval, Supplier<T> read, Predicate<T> condition,
      Function<T, String> failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = read.get();
      if (condition.test(last)) {
        return last;
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(failure.apply(last));
  }
}
