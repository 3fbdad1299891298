package io.rolloutpilot.core.event;

/** An immutable tag already names this very image: nothing to change. */
public record TagUnchanged(String repository, String tag, String digest) implements EngineEvent {}
