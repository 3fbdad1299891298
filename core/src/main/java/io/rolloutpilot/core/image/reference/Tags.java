package io.rolloutpilot.core.image.reference;


/** Tag syntax of the OCI distribution spec, as {@link ImageReference} checks it for every reference. */
public final class Tags {
  private Tags() {}

  public static String require(String field, String tag) {
    return ImageReference.requireTag(field, tag);
  }
}
