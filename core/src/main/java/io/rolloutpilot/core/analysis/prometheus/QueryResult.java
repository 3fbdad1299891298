package io.rolloutpilot.core.analysis.prometheus;

import java.util.List;

/**
 * A successful query: the result type ({@code matrix}, {@code vector}, {@code scalar}, {@code string}),
 * the series (a scalar is one series without labels) and any warnings Prometheus attached.
 */
public record QueryResult(String resultType, List<Series> series, List<String> warnings) {
  public QueryResult {
    series = List.copyOf(series);
    warnings = List.copyOf(warnings);
  }
}
