package io.rolloutpilot.core.analysis.prometheus;

import java.time.Duration;

/**
 * Bounded exponential backoff for retryable Prometheus faults: at most {@code attempts} tries in all,
 * waiting initial, 2·initial, … capped at {@code maxDelay}. The default gives up on the 5th consecutive
 * error, as Argo does.
 */
public record RetryPolicy(int attempts, Duration initialDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(10));

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /** The wait before retry number {@code retry} (1-based). */
  public Duration delay(int retry) {
    long millis = initialDelay.toMillis() << Math.min(20, retry - 1);
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }
}
