package io.rolloutpilot.core.event;

/** A new measurement of an AnalysisRun's metric; {@code value} and {@code message} may be empty. */
public record MeasurementTaken(String run, String metric, String phase, String value, String message)
    implements EngineEvent {}
