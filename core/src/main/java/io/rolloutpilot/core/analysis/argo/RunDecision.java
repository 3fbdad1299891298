package io.rolloutpilot.core.analysis.argo;

import io.rolloutpilot.core.analysis.Verdict;

/** An overall verdict with its one-line reason. */
public record RunDecision(Verdict verdict, String reason) {}
