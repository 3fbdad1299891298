package io.rolloutpilot.core.rollout.follow;

import io.rolloutpilot.core.rollout.RolloutRef;
import java.time.Instant;

/** A change in what a person follows; {@code previous} is null for the first state seen. */
public record ProgressEvent(Instant at, RolloutRef rollout, RolloutProgress progress, RolloutProgress previous) {}
