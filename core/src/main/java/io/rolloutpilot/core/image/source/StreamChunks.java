package io.rolloutpilot.core.image.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** A blob read from a stream (another registry's response body) into fresh heap buffers. */
public final class StreamChunks implements BlobChunks {
  private final InputStream in;

  public StreamChunks(InputStream in) {
    this.in = in;
  }

  @Override
  public ByteBuffer next(int max) throws IOException {
    byte[] bytes = in.readNBytes(max);
    return ByteBuffer.wrap(bytes);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
