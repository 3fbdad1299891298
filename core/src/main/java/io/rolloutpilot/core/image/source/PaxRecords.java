package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * What a PAX header (or a GNU long name) says about the entry after it: its path, and its size when
 * the header's own size field cannot hold it (entries of 8 GiB and more). -1 means "no size given".
 */
record PaxRecords(String path, long size) {
  static final PaxRecords NONE = new PaxRecords(null, -1);

  static PaxRecords longName(String name) {
    return new PaxRecords(name, -1);
  }

  /** Records are {@code "<length> <key>=<value>\n"}, the length counting the whole record. */
  static PaxRecords parse(byte[] data, Function<String, InvalidInputException> invalid) {
    String path = null;
    long size = -1;
    int at = 0;
    while (at < data.length) {
      int space = indexOf(data, (byte) ' ', at);
      int length = space < 0 ? -1 : decimal(new String(data, at, space - at, StandardCharsets.US_ASCII));
      if (length <= space - at + 1 || at + length > data.length || data[at + length - 1] != '\n') {
        throw invalid.apply("a PAX header holds a malformed record");
      }
      String record = new String(data, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
      int equals = record.indexOf('=');
      if (equals > 0 && record.startsWith("path=")) {
        path = record.substring(equals + 1);
      } else if (equals > 0 && record.startsWith("size=")) {
        size = decimalLong(record.substring(equals + 1));
        if (size < 0) {
          throw invalid.apply("a PAX header gives no valid size");
        }
      }
      at += length;
    }
    return new PaxRecords(path, size);
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** A non-negative decimal number, -1 when the text is not one or exceeds 18 digits. */
  private static int decimal(String text) {
    long value = decimalLong(text);
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  private static long decimalLong(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(text);
  }
}
