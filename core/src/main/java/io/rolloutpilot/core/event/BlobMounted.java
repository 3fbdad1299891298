package io.rolloutpilot.core.event;

/** The registry linked the blob from another repository it holds; nothing was sent. */
public record BlobMounted(String digest, long size, String fromRepository) implements EngineEvent {}
