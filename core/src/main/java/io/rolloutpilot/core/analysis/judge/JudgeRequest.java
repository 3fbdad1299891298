package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * One Mode B judgement: the spec, the pod hashes, when the canary started (t₀) and our own deadline
 * (null = none) after which the verdict is TIMED_OUT.
 */
public record JudgeRequest(AnalysisSpec spec, String canaryHash, String stableHash, Instant canaryStart,
    Duration deadline) {}
