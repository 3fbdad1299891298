package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.spec.MetricSpec;
import java.util.List;

/**
 * What was fetched for one metric: both groups' samples on the same grid, the resolved PromQL, and
 * Prometheus warnings; or the error that stopped the fetch (after retries), in which case the
 * samples are null.
 *
 * @param gridTimes epoch milliseconds of the step grid both groups share
 * @param baselineHistory the baseline before t₀, for ρ̂ only ({@link BaselineHistory#OFF} when not fetched)
 */
public record MetricData(MetricSpec metric, long[] gridTimes, GroupSamples canary, GroupSamples baseline,
    List<String> canaryQueries, List<String> baselineQueries, List<String> warnings, String error,
    BaselineHistory baselineHistory) {
  public MetricData {
    canaryQueries = List.copyOf(canaryQueries);
    baselineQueries = List.copyOf(baselineQueries);
    warnings = List.copyOf(warnings);
  }

  /** Without baseline history: ρ̂ comes from the window. */
  public MetricData(MetricSpec metric, long[] gridTimes, GroupSamples canary, GroupSamples baseline,
      List<String> canaryQueries, List<String> baselineQueries, List<String> warnings, String error) {
    this(metric, gridTimes, canary, baseline, canaryQueries, baselineQueries, warnings, error, BaselineHistory.OFF);
  }

  public MetricData withBaselineHistory(BaselineHistory history) {
    return new MetricData(metric, gridTimes, canary, baseline, canaryQueries, baselineQueries, warnings, error,
        history);
  }

  public static MetricData failed(MetricSpec metric, List<String> canaryQueries, List<String> baselineQueries,
      List<String> warnings, String error) {
    return new MetricData(metric, new long[0], null, null, canaryQueries, baselineQueries, warnings, error);
  }

  public boolean failed() {
    return error != null;
  }
}
