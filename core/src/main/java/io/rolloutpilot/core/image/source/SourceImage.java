package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Manifest;
import java.util.List;
import java.util.Optional;

/**
 * A validated source image: the root manifest (an image or an index), the child manifests in push
 * order (children before the indexes that list them), every distinct blob, and how to read them.
 */
public record SourceImage(String description, Manifest root, List<Manifest> children, List<Descriptor> blobs,
    BlobReader reader, Optional<RegistryOrigin> origin) {
  public SourceImage {
    children = List.copyOf(children);
    blobs = List.copyOf(blobs);
  }

  public long totalBlobBytes() {
    return blobs.stream().mapToLong(Descriptor::size).sum();
  }
}
