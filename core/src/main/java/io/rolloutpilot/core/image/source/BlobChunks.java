package io.rolloutpilot.core.image.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The stored bytes of one blob, front to back, as buffers an HTTP client can send as they are: a
 * local blob is handed out as slices of a read-only mapping of its file, so its bytes go from the
 * page cache to the socket without being copied through the Java heap.
 */
public interface BlobChunks extends Closeable {
  /**
   * The next chunk, at most {@code max} bytes; empty once the source has nothing more. A source
   * that ends before the blob's declared size simply runs dry: the caller counts.
   */
  ByteBuffer next(int max) throws IOException;

  @Override
  void close() throws IOException;
}
