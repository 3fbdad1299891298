package io.rolloutpilot.core.analysis.judge;

import java.util.HashMap;
import java.util.Map;

/**
 * An interim look may end the analysis early only when the same metric shows a
 * regression (guardrail, or p &lt; α/10 beyond the margin) on two consecutive looks.
 */
public final class FailFastTracker {
  public static final int CONSECUTIVE_LOOKS = 2;
  private final Map<String, Integer> streaks = new HashMap<>();

  /** Records one interim look; returns the metric that has now regressed on enough consecutive looks, or null. */
  public MetricResult record(Iterable<MetricResult> look) {
    MetricResult confirmed = null;
    for (MetricResult r : look) {
      int streak = r.verdict().regression() ? streaks.getOrDefault(r.name(), 0) + 1 : 0;
      streaks.put(r.name(), streak);
      if (streak >= CONSECUTIVE_LOOKS && confirmed == null) {
        confirmed = r;
      }
    }
    return confirmed;
  }
}
