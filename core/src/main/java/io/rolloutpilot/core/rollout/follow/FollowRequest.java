package io.rolloutpilot.core.rollout.follow;

import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutRef;
import java.time.Duration;
import java.util.Objects;

/**
 * @param timeout how long to follow; zero means no limit
 * @param degradedGrace how long a {@code ProgressDeadlineExceeded} without an abort may last before it counts as
 *     failure; zero fails at once
 * @param minGeneration states of an older generation (a stale cache before our own update) are ignored
 * @param afterResourceVersion the resourceVersion our own last write produced, or null; states older than
 *     it (a shared watch cache that has not caught up with a status patch, which leaves the generation
 *     alone) are ignored. Kubernetes calls resourceVersion opaque, but every etcd-backed API server uses
 *     the etcd revision, a growing integer; a value that is not an integer disables this check.
 */
public record FollowRequest(RolloutRef rollout, WaitTarget target, Duration timeout, Duration degradedGrace,
    long minGeneration, String afterResourceVersion) {
  public FollowRequest {
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(target, "target");
    timeout = timeout == null ? Duration.ZERO : timeout;
    degradedGrace = degradedGrace == null ? Duration.ZERO : degradedGrace;
  }

  public FollowRequest(RolloutRef rollout, WaitTarget target, Duration timeout, Duration degradedGrace,
      long minGeneration) {
    this(rollout, target, timeout, degradedGrace, minGeneration, null);
  }

  public static FollowRequest until(RolloutRef rollout, WaitTarget target, Duration timeout) {
    return new FollowRequest(rollout, target, timeout, Duration.ZERO, 0);
  }

  public FollowRequest withDegradedGrace(Duration grace) {
    return new FollowRequest(rollout, target, timeout, grace, minGeneration, afterResourceVersion);
  }

  public FollowRequest withMinGeneration(long generation) {
    return new FollowRequest(rollout, target, timeout, degradedGrace, generation, afterResourceVersion);
  }

  /** Follows from the state our own write returned: nothing older than it counts. */
  public FollowRequest after(Rollout written) {
    return new FollowRequest(rollout, target, timeout, degradedGrace, written.metadata().generation(),
        written.metadata().resourceVersion());
  }

  /** True when {@code state} is older than our own last write. */
  boolean predatesOurWrite(Rollout state) {
    if (afterResourceVersion == null || afterResourceVersion.isEmpty()) {
      return false;
    }
    try {
      return Long.parseLong(state.metadata().resourceVersion()) < Long.parseLong(afterResourceVersion);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
