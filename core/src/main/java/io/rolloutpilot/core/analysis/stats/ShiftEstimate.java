package io.rolloutpilot.core.analysis.stats;

/**
 * The Hodges–Lehmann shift of canary − baseline with its one-sided confidence bounds: the lower bound
 * holds with confidence 1 − α on its own, and so does the upper bound (together they are a 1 − 2α
 * two-sided interval).
 *
 * @param k the order statistic index: lower = D_(k), upper = D_(mn+1−k)
 * @param boundsMethod {@code exact} (qwilcox) or {@code normal}
 */
public record ShiftEstimate(double estimate, double lower, double upper, double alphaPerSide, long k,
    String boundsMethod) {}
