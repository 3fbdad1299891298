package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The regular-file entries of an uncompressed tar (ustar, GNU long names, PAX paths), indexed by
 * name with their offsets, so blobs are read in place without extracting the archive.
 */
public final class TarTree implements FileTree {
  private static final int BLOCK = 512;
  private final Path file;
  private final Map<String, FileSegment> entries;

  private TarTree(Path file, Map<String, FileSegment> entries) {
    this.file = file;
    this.entries = Map.copyOf(entries);
  }

  /** Indexes the archive; a gzip file, a truncated archive or a non-tar is bad input. */
  public static TarTree index(String field, Path file) throws IOException {
    long fileSize = Files.size(file);
    Map<String, FileSegment> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = new byte[BLOCK];
      long offset = 0;
      String longName = null;
      while (true) {
        if (in.readNBytes(header, 0, BLOCK) < BLOCK) {
          throw invalid(field, file, "it ends in the middle of a header (truncated)");
        }
        offset += BLOCK;
        if (isZero(header)) {
          break;
        }
        if (offset == BLOCK && header[0] == 0x1f && (header[1] & 0xff) == 0x8b) {
          throw invalid(field, file, "it is gzip-compressed; decompress it first (gunzip)");
        }
        verifyChecksum(field, file, header);
        long size = parseOctal(field, file, header, 124, 12);
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        if (offset + size > fileSize) {
          throw invalid(field, file, "an entry runs past the end of the file (truncated)");
        }
        char type = (char) header[156];
        String name = longName != null ? longName : name(header);
        longName = null;
        if (type == 'L' || type == 'x') {
          byte[] data = in.readNBytes((int) size);
          longName = type == 'L' ? cString(data) : paxPath(data);
        } else {
          if (type == '0' || type == 0) {
            entries.put(normalize(name), new FileSegment(file, offset, size));
          }
          in.skipNBytes(size);
        }
        in.skipNBytes(padded - size);
        offset += padded;
      }
    }
    return new TarTree(file, entries);
  }

  @Override
  public Optional<FileSegment> find(String name) {
    return Optional.ofNullable(entries.get(normalize(name)));
  }

  @Override
  public String describe() {
    return "archive " + file;
  }

  private static String name(byte[] header) {
    String name = cString(java.util.Arrays.copyOfRange(header, 0, 100));
    String magic = new String(header, 257, 5, StandardCharsets.US_ASCII);
    String prefix = cString(java.util.Arrays.copyOfRange(header, 345, 500));
    return "ustar".equals(magic) && !prefix.isEmpty() ? prefix + "/" + name : name;
  }

  private static String paxPath(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (String record : text.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static String normalize(String name) {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    return n.startsWith("/") ? n.substring(1) : n;
  }

  private static String cString(byte[] bytes) {
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private static long parseOctal(String field, Path file, byte[] header, int at, int length) {
    if ((header[at] & 0x80) != 0) { // GNU base-256 for sizes of 8 GiB and more
      long value = 0;
      for (int i = at + 1; i < at + length; i++) {
        value = (value << 8) | (header[i] & 0xff);
      }
      return value;
    }
    String text = new String(header, at, length, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
    try {
      return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw invalid(field, file, "a header holds no valid size; it is not a tar archive or it is corrupt");
    }
  }

  private static void verifyChecksum(String field, Path file, byte[] header) {
    long stored = parseOctal(field, file, header, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
    }
    if (sum != stored) {
      throw invalid(field, file, "a header checksum is wrong; it is not a tar archive or it is corrupt");
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static InvalidInputException invalid(String field, Path file, String why) {
    return new InvalidInputException(field, "cannot read " + file + " as a tar archive: " + why);
  }
}
