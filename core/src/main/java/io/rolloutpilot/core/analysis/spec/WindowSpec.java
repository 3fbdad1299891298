package io.rolloutpilot.core.analysis.spec;

import java.time.Duration;

/**
 * The analysis window from the canary's start t₀: samples every {@code step} over
 * [t₀ + warmup, t₀ + duration], interim looks every {@code evaluateEvery}.
 */
public record WindowSpec(Duration warmup, Duration duration, Duration step, Duration evaluateEvery) {
  /** The number of step-grid points in the judged part of the window. */
  public long gridPoints() {
    return duration.minus(warmup).toMillis() / step.toMillis() + 1;
  }
}
