package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The local files a source is read from. Whatever goes wrong with them is bad input naming the source
 * ({@code from}), never an I/O error that would read as an unreachable registry: a FIFO, a device, a
 * directory or a link where a file belongs, a name leaving the archive or layout, a failed read.
 */
final class SourceFiles {
  static final String FIELD = "from";
  private static final int TYPE_MASK = 0170000;
  private static final int FIFO = 0010000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int BLOCK_DEVICE = 0060000;
  private static final int SOCKET = 0140000;

  private SourceFiles() {}

  /**
   * Refuses anything but a regular file before it is opened: opening a FIFO waits for a writer
   * forever, and a device never ends. The user's own path may be a link to a file.
   */
  static void requireRegularFile(String where, Path file) {
    String kind = irregularKind(where, file);
    if (kind != null) {
      throw new InvalidInputException(FIELD, where + " is " + kind + ", not a regular file");
    }
  }

  /** What {@code file} is when it is not a regular file ("a FIFO", "a symbolic link"...), or null. */
  static String irregularKind(String where, Path file, LinkOption... options) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, options);
      if (attributes.isRegularFile()) {
        return null;
      }
      if (attributes.isDirectory()) {
        return "a directory";
      }
      return attributes.isSymbolicLink() ? "a symbolic link" : special(file, options);
    } catch (IOException e) {
      throw unreadable(where, file.toString(), e);
    }
  }

  private static String special(Path file, LinkOption... options) {
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode", options) & TYPE_MASK;
      return switch (type) {
        case FIFO -> "a FIFO";
        case CHARACTER_DEVICE -> "a character device";
        case BLOCK_DEVICE -> "a block device";
        case SOCKET -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return "a special file";
    }
  }

  /**
   * A name a manifest or {@code manifest.json} gives, checked before it is looked up: relative, and
   * without a {@code ..} component, so it cannot point outside the archive or layout.
   */
  static String requireInside(String where, String name) {
    if (name.startsWith("/")) {
      throw new InvalidInputException(FIELD, where + ": '" + show(name) + "' is an absolute path; names inside an"
          + " archive or layout are relative");
    }
    for (String component : name.split("/")) {
      if (component.equals("..")) {
        throw new InvalidInputException(FIELD, where + ": '" + show(name) + "' has a '..' component and would"
            + " leave the archive or layout");
      }
    }
    return name;
  }

  /** A local read failure, as bad input. */
  static InvalidInputException unreadable(String where, String what, IOException e) {
    return new InvalidInputException(FIELD, where + ": cannot read " + what + ": " + reason(e));
  }

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "it does not exist (any more)";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }

  /** A name from a file, for a message: control characters escaped, at most 100 characters. */
  static String show(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(name.length(), 100); i++) {
      char c = name.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return name.length() > 100 ? out + "..." : out.toString();
  }
}
