package io.rolloutpilot.core.event;

/** The destination already holds this blob; nothing was sent. */
public record BlobExists(String digest, long size) implements EngineEvent {}
