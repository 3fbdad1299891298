package io.rolloutpilot.core.event;

import java.time.Instant;

/** A registry authorization token was fetched (first use) or renewed (expiring, or refused once). */
public record RegistryTokenRefreshed(String registry, boolean renewal, Instant validUntil) implements EngineEvent {}
