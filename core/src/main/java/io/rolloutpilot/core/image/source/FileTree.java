package io.rolloutpilot.core.image.source;

import java.util.Optional;

/** Named files of an image layout: a directory on disk or the entries of a tar archive. */
public interface FileTree {
  /** The file at a relative path such as {@code blobs/sha256/<hex>}, if present. */
  Optional<FileSegment> find(String name);

  /** Where the tree lives, for messages. */
  String describe();
}
