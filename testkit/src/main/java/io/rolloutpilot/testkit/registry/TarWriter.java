package io.rolloutpilot.testkit.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a minimal ustar archive: regular files only, fixed mode, owner and time, so output is reproducible. */
public final class TarWriter {
  private static final int BLOCK = 512;
  private final OutputStream out;

  public TarWriter(OutputStream out) {
    this.out = out;
  }

  /** One regular file whose content is produced by {@code content} ({@code size} bytes exactly). */
  public void file(String name, long size, Content content) throws IOException {
    out.write(header(name, size));
    content.writeTo(out);
    long pad = (BLOCK - size % BLOCK) % BLOCK;
    out.write(new byte[(int) pad]);
  }

  public void file(String name, byte[] data) throws IOException {
    file(name, data.length, o -> o.write(data));
  }

  /** The two zero blocks that end an archive. */
  public void finish() throws IOException {
    out.write(new byte[2 * BLOCK]);
    out.flush();
  }

  /** Writes a file's bytes. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static byte[] header(String name, long size) {
    byte[] h = new byte[BLOCK];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length > 100) {
      throw new IllegalArgumentException("name too long for ustar: " + name);
    }
    System.arraycopy(n, 0, h, 0, n.length);
    put(h, 100, octal(0644, 7));
    put(h, 108, octal(0, 7));
    put(h, 116, octal(0, 7));
    put(h, 124, octal(size, 11));
    put(h, 136, octal(0, 11));
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = '0';
    put(h, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, "00".getBytes(StandardCharsets.US_ASCII));
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, octal(sum, 6));
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static byte[] octal(long value, int digits) {
    String text = String.format("%0" + digits + "o", value);
    return (text + "\0").getBytes(StandardCharsets.US_ASCII);
  }

  private static void put(byte[] h, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, h, at, bytes.length);
  }
}
