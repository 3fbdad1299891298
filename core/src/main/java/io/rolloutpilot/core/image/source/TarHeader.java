package io.rolloutpilot.core.image.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One 512-byte tar header, read strictly: its checksum, an octal or GNU base-256 size that is not
 * negative, a type, and names that are valid UTF-8. Problems are reported as the reason a header is
 * refused; the caller names the archive.
 */
record TarHeader(String name, long size, char type, String linkName) {
  static final int BLOCK = 512;

  /** Why a header cannot be used. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  static TarHeader parse(byte[] block) throws Refused {
    verifyChecksum(block);
    long size = number(block, 124, 12, "size");
    if (size < 0) {
      throw new Refused("a header gives a negative size (" + size + ")");
    }
    String name = text(block, 0, 100, "name");
    String magic = new String(block, 257, 5, StandardCharsets.US_ASCII);
    String prefix = "ustar".equals(magic) ? text(block, 345, 155, "name prefix") : "";
    return new TarHeader(prefix.isEmpty() ? name : prefix + "/" + name, size, (char) (block[156] & 0xff),
        text(block, 157, 100, "link name"));
  }

  /**
   * Octal digits, or GNU base-256: a first byte of 0x80 and the value in the bytes after it, or 0xff
   * for a negative number, which no size can be (returned as -1).
   */
  static long number(byte[] block, int at, int length, String what) throws Refused {
    int first = block[at] & 0xff;
    if (first == 0xff) {
      return -1;
    }
    if (first == 0x80) {
      long value = 0;
      for (int i = at + 1; i < at + length; i++) {
        if (i < at + length - 8 && block[i] != 0) {
          return Long.MAX_VALUE; // more than 64 bits: larger than any file
        }
        value = (value << 8) | (block[i] & 0xff);
      }
      return value < 0 ? Long.MAX_VALUE : value;
    }
    String text = new String(block, at, length, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
    if (text.length() > 21 || !text.chars().allMatch(c -> c >= '0' && c <= '7')) {
      throw new Refused("a header holds no valid " + what + "; it is not a tar archive or it is corrupt");
    }
    return text.isEmpty() ? 0 : Long.parseLong(text, 8);
  }

  /** POSIX sums the header as unsigned bytes; some old writers summed signed bytes. Either is accepted. */
  private static void verifyChecksum(byte[] block) throws Refused {
    long stored = number(block, 148, 8, "checksum");
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      boolean field = i >= 148 && i < 156;
      unsigned += field ? ' ' : block[i] & 0xff;
      signed += field ? ' ' : block[i];
    }
    if (stored != unsigned && stored != signed) {
      throw new Refused("a header checksum is wrong; it is not a tar archive or it is corrupt");
    }
  }

  private static String text(byte[] block, int at, int length, String what) throws Refused {
    int end = at;
    while (end < at + length && block[end] != 0) {
      end++;
    }
    return utf8(Arrays.copyOfRange(block, at, end), what);
  }

  /** Strict UTF-8: a name that is not would be looked up as something else than it says. */
  static String utf8(byte[] bytes, String what) throws Refused {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Refused("an entry's " + what + " is not valid UTF-8");
    }
  }
}
