package io.rolloutpilot.core.event;

import io.rolloutpilot.core.rollout.RolloutRef;
import java.time.Duration;

/** The progress deadline was exceeded without an abort; following goes on for up to {@code grace}. */
public record DegradedGraceStarted(RolloutRef rollout, Duration grace) implements EngineEvent {}
