package io.rolloutpilot.core.analysis;

import java.time.Instant;

/**
 * Which pods a Mode B judgement compares and since when: the canary's and the stable pod template
 * hashes and the canary's start t₀, with where t₀ came from (shown to the user): "given", "now" or the ReplicaSet whose creation it is.
 */
public record CanaryTarget(String canaryHash, String stableHash, Instant start, String startSource) {}
