package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.image.reference.Descriptor;
import java.io.IOException;
import java.io.InputStream;

/** Reads a source image's blobs for upload; the upload hashes each stream as it sends it. */
@FunctionalInterface
public interface BlobReader {
  /** A fresh stream of the blob's stored bytes; called again for each upload attempt. */
  InputStream open(Descriptor blob) throws IOException, InterruptedException;
}
