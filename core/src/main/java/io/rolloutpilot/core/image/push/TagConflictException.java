package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.image.oci.RegistryException;

/** An immutable tag already holds a different image; names both digests. */
public final class TagConflictException extends RegistryException {
  public TagConflictException(String repository, String tag, String existing, String pushed) {
    super(400, "TAG_INVALID", "tag '" + tag + "' of " + repository + " is immutable and already points at "
        + existing + "; this push is " + pushed, "push under a new tag, or deploy the pushed image by digest "
        + repository + "@" + pushed);
  }
}
