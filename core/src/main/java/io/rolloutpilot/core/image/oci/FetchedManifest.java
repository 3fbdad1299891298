package io.rolloutpilot.core.image.oci;

import io.rolloutpilot.core.image.reference.Digest;

/** A manifest as a registry served it: the Content-Type, the digest of the bytes, the bytes. */
public record FetchedManifest(String contentType, Digest digest, byte[] bytes) {
  public FetchedManifest {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
