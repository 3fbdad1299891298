package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
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
  public BlobChunks open(Descriptor blob) throws IOException {
    return segment(blob).chunks();
  }

  private FileSegment segment(Descriptor blob) {
    FileSegment segment = segments.get(blob.digest());
    if (segment == null) {
      throw new InvalidInputException("from", where + ": blob " + blob.digest() + " is missing");
    }
    return segment;
  }
}
