package io.rolloutpilot.core.event;

import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.RolloutProgress;
import java.time.Instant;

/** What a person following a Rollout sees changed; {@code previous} is null for the first state seen. */
public record RolloutProgressed(Instant at, RolloutRef rollout, RolloutProgress progress, RolloutProgress previous)
    implements EngineEvent {}
