package io.rolloutpilot.core.analysis.argo;

import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * Follow a Rollout's current AnalysisRun to its end.
 *
 * @param timeout our own deadline (TIMED_OUT when reached; the Rollout is left alone); zero = none
 * @param maxOutage how long the API server may stay unreachable before following ends with ERROR; null for
 *     {@link FollowRequest#DEFAULT_MAX_OUTAGE}
 */
public record ArgoAnalysisRequest(RolloutRef rollout, RunKind kind, Duration timeout, Duration maxOutage) {
  public ArgoAnalysisRequest {
    Objects.requireNonNull(rollout, "rollout");
    kind = kind == null ? RunKind.ANY : kind;
    timeout = timeout == null ? Duration.ZERO : timeout;
    maxOutage = maxOutage == null ? FollowRequest.DEFAULT_MAX_OUTAGE : maxOutage;
  }

  public ArgoAnalysisRequest(RolloutRef rollout, RunKind kind, Duration timeout) {
    this(rollout, kind, timeout, null);
  }
}
