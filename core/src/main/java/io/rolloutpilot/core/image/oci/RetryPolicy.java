package io.rolloutpilot.core.image.oci;

import java.time.Duration;

/** Bounded exponential backoff with jitter for 429, 5xx and broken connections. */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  public static RetryPolicy standard() {
    return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  /** The pause before attempt {@code attempt + 1} (attempt counts from 1), with up to 50% random jitter. */
  public Duration delayAfter(int attempt, double random) {
    long base = initialDelay.toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(base, maxDelay.toMillis());
    return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * random));
  }
}
