package io.rolloutpilot.core.event;

import java.time.Duration;

/** A server answers again after an outage of {@code outage}. */
public record ServerReachable(String server, Duration outage) implements EngineEvent {}
