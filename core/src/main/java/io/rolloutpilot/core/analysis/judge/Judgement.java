package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.MetricVerdict;

/** A verdict from the statistics with its reason and the p-value shown for it. */
record Judgement(MetricVerdict verdict, String reason, double pValue) {}
