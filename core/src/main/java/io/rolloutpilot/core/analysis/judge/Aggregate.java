package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.Verdict;

/** The overall verdict from the metric verdicts, with its reason and the score (NaN when undefined). */
public record Aggregate(Verdict verdict, String reason, double score) {}
