package io.rolloutpilot.core.analysis.spec;

import java.util.List;
import java.util.Optional;

/**
 * A validated analysis spec. Built only by {@link AnalysisSpecParser}, so every
 * instance has passed the checks for unknown keys, placeholders and impossible settings.
 *
 * @param alpha the per-metric one-sided level in the bad direction
 * @param autocorrelation estimate ρ̂ and deflate the evidence by it
 * @param warnings settings that are legal but weak (for example fewer than 50 samples)
 */
public record AnalysisSpec(Optional<PrometheusSpec> prometheus, WindowSpec window, Selectors selectors,
    double alpha, boolean autocorrelation, ScoringSpec scoring, List<MetricSpec> metrics, List<String> warnings) {
  public AnalysisSpec {
    metrics = List.copyOf(metrics);
    warnings = List.copyOf(warnings);
  }
}
