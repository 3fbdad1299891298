package io.rolloutpilot.core.analysis.spec;

import java.time.Duration;

/**
 * The analysis window from the canary's start t₀: samples every {@code step} over
 * [t₀ + warmup, t₀ + duration], interim looks every {@code evaluateEvery}.
 *
 * @param rhoHistory how far before t₀ the baseline's own history is read to estimate ρ̂ (§6.3.6) on the same
 *     step grid over [t₀ − rhoHistory, t₀); {@link Duration#ZERO} turns it off
 */
public record WindowSpec(Duration warmup, Duration duration, Duration step, Duration evaluateEvery,
    Duration rhoHistory) {
  /** The number of step-grid points in the judged part of the window. */
  public long gridPoints() {
    return duration.minus(warmup).toMillis() / step.toMillis() + 1;
  }

  /** The number of step-grid points of the baseline history before t₀ (0 when it is off). */
  public long historyPoints() {
    return rhoHistory.toMillis() / step.toMillis();
  }

  public boolean hasRhoHistory() {
    return !rhoHistory.isZero();
  }
}
