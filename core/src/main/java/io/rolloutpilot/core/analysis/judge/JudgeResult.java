package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.AnalysisOutcome;
import io.rolloutpilot.core.analysis.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Mode B verdict with everything the build page's banner and table show.
 *
 * @param windowStart t₀ + warm-up; the judged samples start here
 * @param looks how many evaluations ran (interim looks plus the final one)
 */
public record JudgeResult(Verdict verdict, String reason, double score, double pass, double marginal,
    Instant canaryStart, Instant windowStart, Instant windowEnd, Duration warmup, Duration step,
    String canarySelector, String baselineSelector, String canaryHash, String stableHash, String endpoint,
    String judgeVersion, int looks, List<MetricResult> metrics, List<String> warnings) implements AnalysisOutcome {
  public static final String JUDGE_VERSION = "rollout-pilot-mw-1";

  public JudgeResult {
    metrics = List.copyOf(metrics);
    warnings = List.copyOf(warnings);
  }

  public String mode() {
    return "prometheus";
  }
}
