package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A layout directory on disk. Only regular files inside it are read: a name that is a link, a
 * directory, a FIFO or a device is refused saying what it is, and so is a file reached through a
 * linked directory that lies outside the layout.
 */
public final class DirectoryTree implements FileTree {
  private final Path root;
  private final Path realRoot;

  public DirectoryTree(Path root) {
    this.root = root;
    try {
      this.realRoot = root.toRealPath();
    } catch (IOException e) {
      throw SourceFiles.unreadable("directory " + root, "it", e);
    }
  }

  @Override
  public Optional<FileSegment> find(String name) {
    Path file = root.resolve(SourceFiles.requireInside(describe(), name));
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    String kind = SourceFiles.irregularKind(describe(), file, LinkOption.NOFOLLOW_LINKS);
    if (kind != null) {
      throw new InvalidInputException(SourceFiles.FIELD, describe() + ": " + SourceFiles.show(name) + " is " + kind
          + ", not a regular file");
    }
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(realRoot)) {
        throw new InvalidInputException(SourceFiles.FIELD, describe() + ": " + SourceFiles.show(name) + " leaves the"
            + " layout directory (a linked directory leads to " + real + ")");
      }
      return Optional.of(new FileSegment(file, 0, Files.size(file)));
    } catch (IOException e) {
      throw SourceFiles.unreadable(describe(), name, e);
    }
  }

  @Override
  public String describe() {
    return "directory " + root;
  }
}
