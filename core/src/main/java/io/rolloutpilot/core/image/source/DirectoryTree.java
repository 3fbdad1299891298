package io.rolloutpilot.core.image.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** A layout directory on disk. */
public final class DirectoryTree implements FileTree {
  private final Path root;

  public DirectoryTree(Path root) {
    this.root = root;
  }

  @Override
  public Optional<FileSegment> find(String name) {
    Path file = root.resolve(name).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new FileSegment(file, 0, Files.size(file)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return "directory " + root;
  }
}
