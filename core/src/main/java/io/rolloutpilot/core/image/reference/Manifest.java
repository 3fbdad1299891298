package io.rolloutpilot.core.image.reference;

import java.util.Arrays;
import java.util.List;

/**
 * A manifest or index exactly as stored: the bytes are never re-serialised, so the digest is
 * {@code sha256(bytes)} at the source and at the destination alike. {@code blobs} are the config and
 * layers of an image manifest; {@code children} the manifests an index lists.
 */
public record Manifest(String mediaType, Digest digest, byte[] bytes, List<Descriptor> blobs,
    List<Descriptor> children) {

  public Manifest {
    bytes = bytes.clone();
    blobs = List.copyOf(blobs);
    children = List.copyOf(children);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  public boolean isIndex() {
    return MediaTypes.isIndex(mediaType);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Manifest m && m.digest.equals(digest) && m.mediaType.equals(mediaType)
        && Arrays.equals(m.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return "Manifest[" + mediaType + " " + digest + ", " + bytes.length + " bytes]";
  }
}
