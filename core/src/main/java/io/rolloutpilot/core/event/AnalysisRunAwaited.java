package io.rolloutpilot.core.event;

import io.rolloutpilot.core.rollout.RolloutRef;

/** The rollout has not started the AnalysisRun to follow yet ({@code kind}: any, step or background). */
public record AnalysisRunAwaited(RolloutRef rollout, String kind) implements EngineEvent {}
