package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.image.oci.RetryPolicy;

/**
 * How to push: how many blobs at once, and whether tags are immutable from the client's side (a tag
 * that already holds another digest is a conflict, one that holds this digest is left as it is).
 */
public record PushOptions(int parallelism, boolean immutableTags, RetryPolicy retry) {
  public PushOptions {
    if (parallelism < 1 || parallelism > 32) {
      throw new io.rolloutpilot.core.error.InvalidInputException("parallelism",
          parallelism + " is out of range; use 1 to 32");
    }
  }

  public static PushOptions defaults() {
    return new PushOptions(4, false, RetryPolicy.standard());
  }

  public PushOptions withImmutableTags(boolean immutable) {
    return new PushOptions(parallelism, immutable, retry);
  }
}
