package io.rolloutpilot.core.event;

import io.rolloutpilot.core.rollout.RolloutRef;

/** Following the rollout's AnalysisRun {@code run}. */
public record AnalysisRunFollowed(RolloutRef rollout, String run) implements EngineEvent {}
