package io.rolloutpilot.core.image.source;

/** Where a registry source lives; a destination on the same registry can mount blobs from it. */
public record RegistryOrigin(String registry, String repository) {}
