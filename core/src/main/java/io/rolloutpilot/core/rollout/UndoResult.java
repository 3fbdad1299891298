package io.rolloutpilot.core.rollout;

/** The outcome of {@code undo}: the revision restored, or {@code skipped} when the template already matched it. */
public record UndoResult(long revision, boolean skipped, Rollout rollout) {}
