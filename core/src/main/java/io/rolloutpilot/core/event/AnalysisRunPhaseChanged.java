package io.rolloutpilot.core.event;

/** An AnalysisRun's phase changed; an empty phase means just created. */
public record AnalysisRunPhaseChanged(String run, String phase, String message) implements EngineEvent {}
