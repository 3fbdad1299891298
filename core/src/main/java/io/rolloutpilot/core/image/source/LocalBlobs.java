package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Blobs stored in a file tree (layout directory or archive), located by digest. A failure to read one
 * is bad input naming the source, also in the middle of an upload, so it is reported as such instead
 * of being retried as if the network had failed.
 */
public final class LocalBlobs implements BlobReader {
  private final String where;
  private final Map<Digest, FileSegment> segments;

  public LocalBlobs(String where, Map<Digest, FileSegment> segments) {
    this.where = where;
    this.segments = Map.copyOf(segments);
  }

  @Override
  public BlobChunks open(Descriptor blob) {
    String what = "blob " + blob.digest();
    try {
      BlobChunks chunks = segment(blob).chunks();
      return new BlobChunks() {
        @Override
        public ByteBuffer next(int max) {
          try {
            return chunks.next(max);
          } catch (IOException e) {
            throw SourceFiles.unreadable(where, what, e);
          }
        }

        @Override
        public void close() throws IOException {
          chunks.close();
        }
      };
    } catch (IOException e) {
      throw SourceFiles.unreadable(where, what, e);
    }
  }

  private FileSegment segment(Descriptor blob) {
    FileSegment segment = segments.get(blob.digest());
    if (segment == null) {
      throw new InvalidInputException("from", where + ": blob " + blob.digest() + " is missing");
    }
    return segment;
  }
}
