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
 * @param maxOutage how long the API server may stay unreachable (the watch lost) before following gives up
 *     with an error, whatever the timeout; null for {@link #DEFAULT_MAX_OUTAGE}, zero gives up as soon as
 *     the loss is noticed
 */
public record FollowRequest(RolloutRef rollout, WaitTarget target, Duration timeout, Duration degradedGrace,
    long minGeneration, String afterResourceVersion, Duration maxOutage) {
  /** Long enough for an API server restart or a control-plane upgrade, short enough for a pipeline. */
  public static final Duration DEFAULT_MAX_OUTAGE = Duration.ofMinutes(2);

  public FollowRequest {
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(target, "target");
    timeout = timeout == null ? Duration.ZERO : timeout;
    degradedGrace = degradedGrace == null ? Duration.ZERO : degradedGrace;
    maxOutage = maxOutage == null ? DEFAULT_MAX_OUTAGE : maxOutage;
  }

  public FollowRequest(RolloutRef rollout, WaitTarget target, Duration timeout, Duration degradedGrace,
      long minGeneration, String afterResourceVersion) {
    this(rollout, target, timeout, degradedGrace, minGeneration, afterResourceVersion, null);
  }

  public FollowRequest(RolloutRef rollout, WaitTarget target, Duration timeout, Duration degradedGrace,
      long minGeneration) {
    this(rollout, target, timeout, degradedGrace, minGeneration, null, null);
  }

  public static FollowRequest until(RolloutRef rollout, WaitTarget target, Duration timeout) {
    return new FollowRequest(rollout, target, timeout, Duration.ZERO, 0);
  }

  public FollowRequest withDegradedGrace(Duration grace) {
    return new FollowRequest(rollout, target, timeout, grace, minGeneration, afterResourceVersion, maxOutage);
  }

  public FollowRequest withMinGeneration(long generation) {
    return new FollowRequest(rollout, target, timeout, degradedGrace, generation, afterResourceVersion, maxOutage);
  }

  public FollowRequest withMaxOutage(Duration outage) {
    return new FollowRequest(rollout, target, timeout, degradedGrace, minGeneration, afterResourceVersion, outage);
  }

  /** Follows from the state our own write returned: nothing older than it counts. */
  public FollowRequest after(Rollout written) {
    return new FollowRequest(rollout, target, timeout, degradedGrace, written.metadata().generation(),
        written.metadata().resourceVersion(), maxOutage);
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
