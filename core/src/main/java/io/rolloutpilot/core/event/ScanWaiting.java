package io.rolloutpilot.core.event;

/** The image scan of {@code digest} has not finished yet. */
public record ScanWaiting(String repository, String digest) implements EngineEvent {}
