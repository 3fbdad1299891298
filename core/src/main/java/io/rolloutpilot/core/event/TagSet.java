package io.rolloutpilot.core.event;

/** {@code repository:tag} now names {@code digest}. */
public record TagSet(String repository, String tag, String digest) implements EngineEvent {}
