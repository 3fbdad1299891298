package io.rolloutpilot.bench.analysis;

import java.util.Locale;

/**
 * Latency bursts on top of the per-step noise: a burst starts at a step with probability {@code ownStart}
 * in each group on its own (a pod's GC pause, a noisy neighbour) and with probability {@code sharedStart}
 * in both groups at once (a slow dependency both call), lasts a geometric number of steps with mean
 * {@code meanLength}, and multiplies the p99 by a factor drawn log-uniformly from [minFactor, maxFactor]
 * once per burst. The persistence makes the per-step samples serially dependent in a way an AR(1) does
 * not describe, and the spikes give a heavy right tail.
 */
record LatencyBursts(double ownStart, double sharedStart, double meanLength, double minFactor, double maxFactor) {
  static final LatencyBursts NONE = new LatencyBursts(0, 0, 1, 1, 1);

  LatencyBursts {
    if (meanLength < 1 || minFactor > maxFactor) {
      throw new IllegalArgumentException("bursts last at least one step and minFactor <= maxFactor");
    }
  }

  /** Probability that a burst goes on for another step. */
  double carryOn() {
    return 1 - 1 / meanLength;
  }

  String describe() {
    return String.format(Locale.ROOT, "latency bursts x%.1f-%.1f, mean %.0f steps, starting with p %.2f per step"
        + " in each group alone and %.2f in both at once", minFactor, maxFactor, meanLength, ownStart, sharedStart);
  }
}
