package io.rolloutpilot.testkit.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a minimal ustar archive: fixed mode, owner and time, so output is reproducible. Regular files
 * for images; links, directories, FIFOs, devices, GNU long names and raw headers for hostile archives.
 */
public final class TarWriter {
  public static final int BLOCK = 512;
  private final OutputStream out;

  public TarWriter(OutputStream out) {
    this.out = out;
  }

  /** One regular file whose content is produced by {@code content} ({@code size} bytes exactly). */
  public void file(String name, long size, Content content) throws IOException {
    out.write(header(name, size, '0', ""));
    content.writeTo(out);
    pad(size);
  }

  public void file(String name, byte[] data) throws IOException {
    file(name, data.length, o -> o.write(data));
  }

  /**
   * An entry without content of the given ustar type: {@code '1'} hard link, {@code '2'} symbolic link
   * (to {@code link}), {@code '3'} character device, {@code '4'} block device, {@code '5'} directory,
   * {@code '6'} FIFO.
   */
  public void special(String name, char type, String link) throws IOException {
    out.write(header(name, 0, type, link));
  }

  /** A GNU long name ({@code ././@LongLink}, type 'L') for the entry that follows. */
  public void longName(byte[] name) throws IOException {
    out.write(header("././@LongLink", name.length + 1L, 'L', ""));
    out.write(name);
    out.write(0);
    pad(name.length + 1L);
  }

  /** A PAX extended header (type 'x') with the given records for the entry that follows. */
  public void pax(byte[] records) throws IOException {
    out.write(header("PaxHeaders/entry", records.length, 'x', ""));
    out.write(records);
    pad(records.length);
  }

  /** A block written as it is: a hand-made header, or bytes that are not one. */
  public void raw(byte[] bytes) throws IOException {
    out.write(bytes);
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

  /** A ustar header; tests may change fields and then {@link #seal} it again. */
  public static byte[] header(String name, long size, char type, String link) {
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
    h[156] = (byte) type;
    put(h, 157, link.getBytes(StandardCharsets.UTF_8));
    put(h, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, "00".getBytes(StandardCharsets.US_ASCII));
    return seal(h);
  }

  /** Writes the header's checksum for its current content. */
  public static byte[] seal(byte[] h) {
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, octal(sum, 6));
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private void pad(long size) throws IOException {
    out.write(new byte[(int) ((BLOCK - size % BLOCK) % BLOCK)]);
  }

  private static byte[] octal(long value, int digits) {
    String text = String.format("%0" + digits + "o", value);
    return (text + "\0").getBytes(StandardCharsets.US_ASCII);
  }

  private static void put(byte[] h, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, h, at, bytes.length);
  }
}
