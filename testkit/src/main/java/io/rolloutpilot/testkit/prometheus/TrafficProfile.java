package io.rolloutpilot.testkit.prometheus;

/**
 * Synthetic HTTP traffic of one pod group: requests per second (0 = no series at all), the share of
 * 5xx answers, and log-normal latency with the given median (seconds) and log-sd.
 */
public record TrafficProfile(String podHash, double requestsPerSecond, double errorRatio, double latencyMedian,
    double latencySigma) {}
