package io.rolloutpilot.core.rollout;

import io.rolloutpilot.core.kube.ClusterException;
import java.util.List;

/** The named Rollout (or container) does not exist; the message lists what does. */
public final class RolloutNotFoundException extends ClusterException {
  public RolloutNotFoundException(String what, List<String> existing) {
    super(Kind.NOT_FOUND, what + " not found; " + (existing.isEmpty() ? "there are none"
        : "existing: " + String.join(", ", existing)));
  }
}
