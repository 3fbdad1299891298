package io.rolloutpilot.core.event;

import io.rolloutpilot.core.rollout.RolloutRef;

/** The rollout recovered from an exceeded progress deadline within its grace period. */
public record DegradedGraceEnded(RolloutRef rollout) implements EngineEvent {}
