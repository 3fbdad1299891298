package io.rolloutpilot.core.event;

/** The blob's bytes were sent and the registry accepted them under their digest. */
public record BlobUploaded(String digest, long size, String mediaType) implements EngineEvent {}
