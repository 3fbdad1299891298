package io.rolloutpilot.core.event;

/** A manifest (or index) was stored by digest, byte for byte. */
public record ManifestPut(String digest, long size, String mediaType) implements EngineEvent {}
