package io.rolloutpilot.core.analysis.argo;

import io.rolloutpilot.core.rollout.RolloutRef;
import java.time.Duration;
import java.util.Objects;

/**
 * Follow a Rollout's current AnalysisRun to its end.
 *
 * @param timeout our own deadline (TIMED_OUT when reached; the Rollout is left alone); zero = none
 */
public record ArgoAnalysisRequest(RolloutRef rollout, RunKind kind, Duration timeout) {
  public ArgoAnalysisRequest {
    Objects.requireNonNull(rollout, "rollout");
    kind = kind == null ? RunKind.ANY : kind;
    timeout = timeout == null ? Duration.ZERO : timeout;
  }
}
