package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.error.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a tar archive's headers once, front to back, skipping content. Every size is checked against
 * what is left of the file before anything is read or skipped, and metadata entries (GNU long names,
 * PAX headers) are read only up to a bound, so no header can make the reader allocate, seek or wait
 * beyond the file.
 */
final class TarIndexer {
  private static final int BLOCK = TarHeader.BLOCK;
  /** A path is at most 4096 bytes on Linux; a GNU long name may not be longer. */
  static final int MAX_LONG_NAME = 4096;
  /** PAX headers hold a few records; far less than this. */
  static final int MAX_PAX = 1 << 20;

  private final String field;
  private final Path file;
  private final Map<String, FileSegment> files = new HashMap<>();
  private final Map<String, String> others = new HashMap<>();
  private long fileSize;
  private long offset;

  TarIndexer(String field, Path file) {
    this.field = field;
    this.file = file;
  }

  TarTree index() throws IOException {
    fileSize = Files.size(file);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      byte[] block = new byte[BLOCK];
      PaxRecords pending = PaxRecords.NONE;
      while (true) {
        if (in.readNBytes(block, 0, BLOCK) < BLOCK) {
          throw invalid(offset == 0 && fileSize == 0 ? "it is empty"
              : "it ends in the middle of a header (truncated)");
        }
        offset += BLOCK;
        if (isZero(block)) {
          break;
        }
        if (offset == BLOCK && (block[0] & 0xff) == 0x1f && (block[1] & 0xff) == 0x8b) {
          throw invalid("it is gzip-compressed; decompress it first (gunzip)");
        }
        pending = entry(in, header(block), pending);
      }
    }
    return new TarTree(field, file, files, others);
  }

  /** Handles one entry; returns the PAX or long-name values that apply to the next one. */
  private PaxRecords entry(InputStream in, TarHeader header, PaxRecords pending) throws IOException {
    long size = pending.size() >= 0 ? pending.size() : header.size();
    if (size > fileSize - offset) {
      throw invalid("an entry runs past the end of the file (truncated, or a corrupt size of " + size + ")");
    }
    PaxRecords next = PaxRecords.NONE;
    switch (header.type()) {
      case 'L' -> next = PaxRecords.longName(longName(in, size));
      case 'x' -> next = PaxRecords.parse(metadata(in, size, MAX_PAX, "a PAX header"), this::invalid);
      case 'g', 'K' -> skip(in, size); // global PAX defaults, link names of links: nothing we look up
      default -> record(header, pending.path() != null ? pending.path() : header.name(), size, in);
    }
    skip(in, padding(size));
    offset += size + padding(size);
    return next;
  }

  private void record(TarHeader header, String rawName, long size, InputStream in) throws IOException {
    String name = TarTree.normalize(rawName);
    for (String component : name.split("/")) {
      if (component.equals("..")) {
        throw invalid("the entry '" + SourceFiles.show(rawName) + "' has a '..' component; an archive that"
            + " points outside itself is refused");
      }
    }
    String kind = kind(header);
    if (kind == null) {
      files.put(name, new FileSegment(file, offset, size));
      others.remove(name);
    } else {
      others.put(name, kind);
      files.remove(name);
    }
    skip(in, size);
  }

  /** Null for a regular file, else what the entry is. */
  private static String kind(TarHeader header) {
    return switch (header.type()) {
      case '0', '\0', '7' -> null;
      case '1' -> "a hard link (to " + SourceFiles.show(header.linkName()) + ")";
      case '2' -> "a symbolic link (to " + SourceFiles.show(header.linkName()) + ")";
      case '3' -> "a character device";
      case '4' -> "a block device";
      case '5' -> "a directory";
      case '6' -> "a FIFO";
      default -> "an entry of type '" + SourceFiles.show(String.valueOf(header.type())) + "'";
    };
  }

  private String longName(InputStream in, long size) throws IOException {
    if (size > MAX_LONG_NAME) {
      throw invalid("a long name of " + size + " bytes is longer than the " + MAX_LONG_NAME + " a path may have");
    }
    byte[] data = metadata(in, size, MAX_LONG_NAME, "a long name");
    int end = 0;
    while (end < data.length && data[end] != 0) {
      end++;
    }
    try {
      return TarHeader.utf8(java.util.Arrays.copyOf(data, end), "long name");
    } catch (TarHeader.Refused e) {
      throw invalid(e.getMessage());
    }
  }

  private byte[] metadata(InputStream in, long size, int max, String what) throws IOException {
    if (size > max) {
      throw invalid(what + " of " + size + " bytes is larger than the " + max + " allowed");
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw invalid("it ends inside " + what + " (truncated)");
    }
    return data;
  }

  private TarHeader header(byte[] block) {
    try {
      return TarHeader.parse(block);
    } catch (TarHeader.Refused e) {
      throw invalid(e.getMessage());
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    in.skipNBytes(n);
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  InvalidInputException invalid(String why) {
    return new InvalidInputException(field, "cannot read " + file + " as a tar archive: " + why);
  }
}
