package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.image.reference.Descriptor;
import java.io.IOException;

/** Reads a source image's blobs for upload. */
@FunctionalInterface
public interface BlobReader {
  /** The blob's stored bytes from the start; called again for each upload attempt. */
  BlobChunks open(Descriptor blob) throws IOException, InterruptedException;
}
