package io.rolloutpilot.core.analysis.argo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every measurement we have seen, per metric, in the order Argo took them. Argo keeps only the last 10
 * per metric, so each state of the run is merged in: a measurement is keyed on (metric, startedAt, and
 * its position among measurements with the same startedAt), and a later state of the same measurement
 * (an in-flight one that finished) replaces the earlier in place. Not thread-safe; its owner locks.
 */
public final class MeasurementLog {
  private final Map<String, LinkedHashMap<String, ArgoMeasurement>> byMetric = new LinkedHashMap<>();

  /** Merges the measurements the run keeps now; returns those that are new or changed, in order. */
  public List<ArgoMeasurement> merge(AnalysisRunState run) {
    List<ArgoMeasurement> changed = new ArrayList<>();
    for (ArgoMetricStatus result : run.metricResults()) {
      LinkedHashMap<String, ArgoMeasurement> kept = byMetric.computeIfAbsent(result.name(), m -> new LinkedHashMap<>());
      Map<String, Integer> occurrences = new HashMap<>();
      for (ArgoMeasurement measurement : result.measurements()) {
        int occurrence = occurrences.merge(measurement.startedAt(), 1, Integer::sum);
        String key = measurement.startedAt() + "#" + occurrence;
        ArgoMeasurement previous = kept.put(key, measurement);
        if (!measurement.equals(previous)) {
          changed.add(measurement);
        }
      }
    }
    return changed;
  }

  public List<ArgoMeasurement> measurements(String metric) {
    LinkedHashMap<String, ArgoMeasurement> kept = byMetric.get(metric);
    return kept == null ? List.of() : List.copyOf(kept.values());
  }

  public int size() {
    return byMetric.values().stream().mapToInt(Map::size).sum();
  }
}
