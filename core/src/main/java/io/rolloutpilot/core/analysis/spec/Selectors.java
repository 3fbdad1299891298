package io.rolloutpilot.core.analysis.spec;

/**
 * Label matchers that pick the canary's and the baseline's series; {@code {{canaryHash}}} and
 * {{stableHash}} are replaced by the pod template hashes. The pod selectors are optional and
 * fill {@code {{podSelector}}}.
 */
public record Selectors(String canary, String baseline, String canaryPods, String baselinePods) {}
