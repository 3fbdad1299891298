package io.rolloutpilot.core.analysis.argo;

/**
 * One measurement as Argo records it; {@code value} is Argo's string (a Prometheus vector is "[0.99]").
 * Times are RFC 3339 strings as the API returns them (empty while unknown).
 */
public record ArgoMeasurement(String metric, String phase, String value, String message, String startedAt,
    String finishedAt) {}
