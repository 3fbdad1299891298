package io.rolloutpilot.core.event;

import java.time.Duration;

/**
 * A request failed in a way that may pass; it is sent again after {@code delay}.
 *
 * @param server a registry host, "Prometheus" or "Kubernetes API"
 * @param request what was sent, e.g. "PUT /v2/team/app/blobs/uploads/…" or "query_range"
 * @param attempt the attempt that failed, from 1
 * @param reason why it failed, without secrets
 */
public record RequestRetried(String server, String request, int attempt, int maxAttempts, String reason,
    Duration delay) implements EngineEvent {}
