package io.rolloutpilot.core.analysis.argo;

/**
 * One metric of an AnalysisRun's (flattened) spec, with Argo's defaults applied.
 *
 * @param count the effective count: null when unbounded (interval without count) or not a number
 *     (an unresolved {@code {{args.…}}} template); see {@link #countText()}
 * @param failureLimit default 0; −1 disables failing
 * @param consecutiveErrorLimit default 4: the 5th consecutive error makes the metric Error
 * @param provider the provider type ({@code prometheus}, {@code web}, …)
 * @param query the provider's query, when it has one
 * @param rangeQuery the Prometheus provider queries a range, so {@code result} is a flattened matrix
 */
public record ArgoMetricSpec(String name, String interval, Integer count, String countText, int failureLimit,
    int inconclusiveLimit, int consecutiveErrorLimit, int consecutiveSuccessLimit, String successCondition,
    String failureCondition, String provider, String query, boolean rangeQuery) {
  public static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

  public boolean unbounded() {
    return count == null && countText.isEmpty() && !interval.isEmpty();
  }

  public boolean hasCondition() {
    return !successCondition.isEmpty() || !failureCondition.isEmpty();
  }
}
