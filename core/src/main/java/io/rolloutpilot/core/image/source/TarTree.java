package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of an uncompressed tar (ustar, GNU long names, PAX), indexed by name with their offsets,
 * so blobs are read in place without extracting the archive. Only regular files can be read; a name
 * that is a link, a directory, a FIFO or a device is refused when it is looked up, saying what it is.
 */
public final class TarTree implements FileTree {
  private final String field;
  private final Path file;
  private final Map<String, FileSegment> files;
  private final Map<String, String> others;

  TarTree(String field, Path file, Map<String, FileSegment> files, Map<String, String> others) {
    this.field = field;
    this.file = file;
    this.files = Map.copyOf(files);
    this.others = Map.copyOf(others);
  }

  /**
   * Indexes the archive. A gzip file, a truncated archive, a non-tar, a negative or oversized size, a
   * name that is not UTF-8 or holds a {@code ..} component is bad input of {@code field}.
   */
  public static TarTree index(String field, Path file) {
    try {
      return new TarIndexer(field, file).index();
    } catch (IOException e) {
      throw new InvalidInputException(field, "cannot read " + file + " as a tar archive: "
          + SourceFiles.reason(e));
    }
  }

  @Override
  public Optional<FileSegment> find(String name) {
    String key = normalize(SourceFiles.requireInside(describe(), name));
    String kind = others.get(key);
    if (kind != null) {
      throw new InvalidInputException(field, describe() + ": " + SourceFiles.show(name) + " is " + kind
          + ", not a regular file");
    }
    return Optional.ofNullable(files.get(key));
  }

  @Override
  public String describe() {
    return "archive " + file;
  }

  /** Entry names as tar writers spell them: {@code ./} in front and {@code /} after a directory are dropped. */
  static String normalize(String name) {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    while (n.startsWith("/")) {
      n = n.substring(1);
    }
    while (n.endsWith("/")) {
      n = n.substring(0, n.length() - 1);
    }
    return n;
  }
}
