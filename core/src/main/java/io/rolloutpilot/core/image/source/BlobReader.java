package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.image.reference.Descriptor;
import java.io.IOException;
import java.io.InputStream;

/** Reads a source image's blobs for upload. */
public interface BlobReader {
  /** A fresh stream of the blob's stored bytes; called again for each upload attempt. */
  InputStream open(Descriptor blob) throws IOException, InterruptedException;

  /**
   * Checks, before anything is uploaded, that the stored bytes hash to the digest. Local sources
   * hash; a registry source has nothing to check (the destination verifies every PUT).
   */
  void verify(Descriptor blob) throws IOException;
}
