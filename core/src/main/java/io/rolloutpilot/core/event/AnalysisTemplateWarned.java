package io.rolloutpilot.core.event;

/**
 * A static finding about a metric of the run's template that cannot fail, or fails for the wrong
 * reason; {@code finding} explains it, as the analysis result's warnings do.
 */
public record AnalysisTemplateWarned(String run, String metric, String finding) implements EngineEvent {}
