package io.rolloutpilot.core.analysis.spec;

import java.time.Duration;

/**
 * Where to query, as written in the spec file. Secrets are never in the file: they are named by the
 * environment variable that holds them.
 *
 * @param authType {@code none}, {@code bearer} or {@code basic}
 */
public record PrometheusSpec(String url, String authType, String tokenEnv, String username, String passwordEnv,
    Duration timeout) {}
