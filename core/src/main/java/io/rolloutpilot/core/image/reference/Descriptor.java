package io.rolloutpilot.core.image.reference;

/** What a manifest says about one blob or child manifest: its media type, digest and size in bytes. */
public record Descriptor(String mediaType, Digest digest, long size) {
  public Descriptor {
    if (size < 0) {
      throw new IllegalArgumentException("negative size for " + digest);
    }
  }
}
