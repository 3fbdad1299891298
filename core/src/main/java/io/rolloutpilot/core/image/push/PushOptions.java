package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.image.oci.RegistryTimeouts;
import io.rolloutpilot.core.image.oci.RetryPolicy;

/**
 * How to push: how many blobs at once, whether tags are immutable from the client's side (a tag
 * that already holds another digest is a conflict, one that holds this digest is left as it is), how
 * often a failed request is tried, and how long a request may wait before it counts as failed.
 */
public record PushOptions(int parallelism, boolean immutableTags, RetryPolicy retry, RegistryTimeouts timeouts) {
  public static final int MAX_PARALLELISM = 32;

  public PushOptions {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new InvalidInputException("parallelism", parallelism + " is out of range; use 1 to " + MAX_PARALLELISM);
    }
    if (retry == null) {
      retry = RetryPolicy.standard();
    }
    if (timeouts == null) {
      timeouts = RegistryTimeouts.standard();
    }
  }

  /** With the standard timeouts. */
  public PushOptions(int parallelism, boolean immutableTags, RetryPolicy retry) {
    this(parallelism, immutableTags, retry, RegistryTimeouts.standard());
  }

  public static PushOptions defaults() {
    return new PushOptions(4, false, RetryPolicy.standard());
  }

  public PushOptions withImmutableTags(boolean immutable) {
    return new PushOptions(parallelism, immutable, retry, timeouts);
  }

  public PushOptions withTimeouts(RegistryTimeouts newTimeouts) {
    return new PushOptions(parallelism, immutableTags, retry, newTimeouts);
  }
}
