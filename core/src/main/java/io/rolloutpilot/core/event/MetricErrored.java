package io.rolloutpilot.core.event;

/** A metric could not be judged at this look ({@code reason}: no data, a query error, non-finite values). */
public record MetricErrored(String metric, String reason) implements EngineEvent {}
