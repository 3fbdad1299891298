package io.rolloutpilot.core.analysis;

import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.validation.PodTemplateHashes;
import java.time.Instant;
import java.util.Objects;

/**
 * Which pods a Mode B judgement compares and since when: the canary's and the stable pod template
 * hashes and the canary's start t₀, with where t₀ came from (shown to the user): "given", "now" or the ReplicaSet whose creation it is.
 * The hashes are checked here, where they enter the engine, before anything is shown or queried.
 */
public record CanaryTarget(String canaryHash, String stableHash, Instant start, String startSource) {
  public CanaryTarget {
    PodTemplateHashes.require("canaryHash", canaryHash);
    PodTemplateHashes.require("stableHash", stableHash);
    if (canaryHash.equals(stableHash)) {
      throw new InvalidInputException("canaryHash", "equals the stable hash " + stableHash
          + "; canary and baseline would be the same pods");
    }
    Objects.requireNonNull(start, "start");
  }
}
