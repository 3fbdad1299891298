package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Map;

/** Blobs stored in a file tree (layout directory or archive), located by digest. */
public final class LocalBlobs implements BlobReader {
  private final String where;
  private final Map<Digest, FileSegment> segments;

  public LocalBlobs(String where, Map<Digest, FileSegment> segments) {
    this.where = where;
    this.segments = Map.copyOf(segments);
  }

  @Override
  public InputStream open(Descriptor blob) throws IOException {
    return segment(blob).open();
  }

  @Override
  public void verify(Descriptor blob) throws IOException {
    MessageDigest sha = Digest.newSha256();
    byte[] buffer = new byte[256 * 1024];
    try (InputStream in = open(blob)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    Digest actual = Digest.fromHash(sha.digest());
    if (!actual.equals(blob.digest())) {
      throw new InvalidInputException("source", where + ": blob " + blob.digest() + " is corrupt: its content"
          + " hashes to " + actual);
    }
  }

  private FileSegment segment(Descriptor blob) {
    FileSegment segment = segments.get(blob.digest());
    if (segment == null) {
      throw new InvalidInputException("source", where + ": blob " + blob.digest() + " is missing");
    }
    return segment;
  }
}
