package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A byte range of a file: a whole blob file of a layout directory, or one entry inside a tar. */
public record FileSegment(Path file, long offset, long length) {
  /** The most a config or {@code manifest.json} may hold; manifests and indexes have their own, lower bound. */
  public static final int MAX_SMALL = 16 * 1024 * 1024;

  public FileSegment {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("a segment starts at " + offset + " and is " + length + " bytes");
    }
  }

  /** Reads the whole segment; only for configs and {@code manifest.json}, which are small. */
  public byte[] readSmall(String what) {
    return readSmall(what, MAX_SMALL);
  }

  /**
   * Reads the whole segment, at most {@code max} bytes; a larger or unreadable one is bad input of the
   * source, never an I/O error.
   */
  public byte[] readSmall(String what, int max) {
    String where = file.toString();
    if (length > max) {
      throw new InvalidInputException(SourceFiles.FIELD, where + ": " + what + " is "
          + length + " bytes; at most " + max + " are allowed");
    }
    byte[] bytes = new byte[(int) length];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      long position = offset;
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, position);
        if (n < 0) {
          throw new InvalidInputException(SourceFiles.FIELD, where + ": " + what
              + " ends early: the file is truncated");
        }
        position += n;
      }
    } catch (IOException e) {
      throw SourceFiles.unreadable(where, what, e);
    }
    return bytes;
  }

  /** The segment for upload, as slices of a read-only mapping; the caller closes it. */
  public BlobChunks chunks() throws IOException {
    return new MappedChunks(this);
  }

  /** A stream over the segment; the caller closes it. */
  public InputStream open() throws IOException {
    return new SegmentInputStream(FileChannel.open(file, StandardOpenOption.READ), offset, length);
  }

  /** Bounded positional reads over one channel, closed with the stream. */
  private static final class SegmentInputStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private long remaining;

    SegmentInputStream(FileChannel channel, long offset, long length) {
      this.channel = channel;
      this.position = offset;
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
      if (n < 0) {
        throw new IOException("the file ended before the blob did: it is truncated");
      }
      position += n;
      remaining -= n;
      return n;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
