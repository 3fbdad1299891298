package io.rolloutpilot.core.event;

/** The image to push was read and validated: its root digest, manifests, blobs and their total size. */
public record SourceOpened(String description, String digest, int manifests, int blobs, long bytes)
    implements EngineEvent {}
