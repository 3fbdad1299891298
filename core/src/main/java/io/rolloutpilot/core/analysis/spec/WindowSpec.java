package io.rolloutpilot.core.analysis.spec;

import java.time.Duration;

/**
 * The analysis window from the canary's start t₀: samples every {@code step} over
 * [t₀ + warmup, t₀ + duration], interim looks every {@code evaluateEvery}.
 *
 * @param rhoHistory how far before t₀ the baseline's own history is read to estimate ρ̂ on the same
 *     step grid over [t₀ − rhoHistory, t₀); {@link Duration#ZERO} turns it off; by default
 *     {@value #DEFAULT_HISTORY_WINDOWS} × the window's steps
 */
public record WindowSpec(Duration warmup, Duration duration, Duration step, Duration evaluateEvery,
    Duration rhoHistory) {
  /**
   * Six windows of history bring the ρ̂ error down to about 0.07 (three leave it near 0.11, the in-window
   * estimate about 0.15), which is what keeps A/A false alarms at α under autocorrelated traffic.
   */
  public static final int DEFAULT_HISTORY_WINDOWS = 6;

  /**
   * The default look-back: {@value #DEFAULT_HISTORY_WINDOWS} × the window's steps, within the limits the
   * spec rules allow; zero when the window itself is not valid (its own rules then say why).
   */
  static Duration defaultRhoHistory(Duration warmup, Duration duration, Duration step) {
    if (duration == null || warmup == null || step == null || step.toMillis() < 1 || duration.compareTo(warmup) <= 0) {
      return Duration.ZERO;
    }
    long points = DEFAULT_HISTORY_WINDOWS * (duration.minus(warmup).toMillis() / step.toMillis() + 1);
    long cap = Math.min(SpecRules.MAX_POINTS, SpecRules.MAX_HISTORY.toMillis() / step.toMillis());
    return step.multipliedBy(Math.min(points, cap));
  }

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
