package io.rolloutpilot.core.rollout;

import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.core.image.reference.ImageReference;
import io.rolloutpilot.core.validation.Names;
import java.time.Duration;

/**
 * Set a new image and optionally follow the release.
 *
 * @param container the container to change, {@code *} for all, or null for "the only container"
 * @param waitFor where following stops; null to return as soon as the update is accepted
 * @param timeout for the whole deploy (reading, updating, following); zero for no limit
 * @param maxOutage how long the API server may stay unreachable while following; null for
 *     {@link FollowRequest#DEFAULT_MAX_OUTAGE}
 */
public record DeployRequest(RolloutRef rollout, String container, String image, WaitTarget waitFor, Duration timeout,
    Duration degradedGrace, Duration maxOutage) {
  public DeployRequest {
    if (container != null && !"*".equals(container)) {
      Names.requireLabel("container", container);
    }
    ImageReference.parse("image", image);
    timeout = timeout == null ? Duration.ZERO : timeout;
    degradedGrace = degradedGrace == null ? Duration.ZERO : degradedGrace;
    maxOutage = maxOutage == null ? FollowRequest.DEFAULT_MAX_OUTAGE : maxOutage;
  }

  public DeployRequest(RolloutRef rollout, String container, String image, WaitTarget waitFor, Duration timeout,
      Duration degradedGrace) {
    this(rollout, container, image, waitFor, timeout, degradedGrace, null);
  }

  /** Parses {@code [CONTAINER=]IMAGE} as given on the command line or in a pipeline step. */
  public static String[] splitImageArgument(String argument) {
    int eq = argument == null ? -1 : argument.indexOf('=');
    return eq < 0 ? new String[] {null, argument} : new String[] {argument.substring(0, eq), argument.substring(eq + 1)};
  }
}
