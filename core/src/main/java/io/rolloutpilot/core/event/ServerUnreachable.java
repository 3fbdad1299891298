package io.rolloutpilot.core.event;

import java.time.Duration;

/**
 * A server an operation depends on stopped answering; the operation keeps trying until it answers
 * again or the outage lasts {@code giveUpAfter}.
 *
 * @param server "Kubernetes API", "Prometheus" or a registry host
 * @param cause what failed, without secrets
 */
public record ServerUnreachable(String server, String cause, Duration giveUpAfter) implements EngineEvent {}
