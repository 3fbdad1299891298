package io.rolloutpilot.core.image.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * A file segment as slices of read-only mappings, one window at a time (a blob may exceed the 2 GiB
 * a single mapping can hold). Mappings are released by the garbage collector once the HTTP client
 * has sent their slices; the file must not be truncated while a push reads it.
 */
final class MappedChunks implements BlobChunks {
  static final long WINDOW = 64L << 20;

  private final FileChannel channel;
  private final long window;
  private final long end;
  private long position;
  private MappedByteBuffer mapped;

  MappedChunks(FileSegment segment) throws IOException {
    this(segment, WINDOW);
  }

  /** With a smaller window for tests, which cross window edges without 64 MiB files. */
  MappedChunks(FileSegment segment, long window) throws IOException {
    this.window = window;
    this.position = segment.offset();
    this.channel = FileChannel.open(segment.file(), StandardOpenOption.READ);
    try {
      // a read-only mapping cannot reach past the end of the file: a truncated file just yields less
      this.end = Math.min(segment.offset() + segment.length(), Math.max(channel.size(), segment.offset()));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public ByteBuffer next(int max) throws IOException {
    if (mapped == null || !mapped.hasRemaining()) {
      if (position >= end) {
        return ByteBuffer.allocate(0);
      }
      long size = Math.min(window, end - position);
      mapped = channel.map(FileChannel.MapMode.READ_ONLY, position, size);
      position += size;
    }
    int length = Math.min(max, mapped.remaining());
    ByteBuffer chunk = mapped.slice(mapped.position(), length);
    mapped.position(mapped.position() + length);
    return chunk;
  }

  @Override
  public void close() throws IOException {
    mapped = null;
    channel.close();
  }
}
