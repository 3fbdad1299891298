package io.rolloutpilot.core.rollout.follow;

import io.rolloutpilot.core.rollout.RolloutRef;
import java.time.Duration;
import java.util.Objects;

/**
 * @param timeout how long to follow; zero means no limit
 * @param degradedGrace how long a {@code ProgressDeadlineExceeded} without an abort may last before it counts as
 *     failure (argo-rollouts#1225); zero fails at once
 * @param minGeneration states of an older generation (a stale cache before our own update) are ignored
 */
public record FollowRequest(RolloutRef rollout, WaitTarget target, Duration timeout, Duration degradedGrace,
    long minGeneration) {
  public FollowRequest {
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(target, "target");
    timeout = timeout == null ? Duration.ZERO : timeout;
    degradedGrace = degradedGrace == null ? Duration.ZERO : degradedGrace;
  }

  public static FollowRequest until(RolloutRef rollout, WaitTarget target, Duration timeout) {
    return new FollowRequest(rollout, target, timeout, Duration.ZERO, 0);
  }

  public FollowRequest withDegradedGrace(Duration grace) {
    return new FollowRequest(rollout, target, timeout, grace, minGeneration);
  }

  public FollowRequest withMinGeneration(long generation) {
    return new FollowRequest(rollout, target, timeout, degradedGrace, generation);
  }
}
