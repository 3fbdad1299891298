package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.Manifest;
import io.rolloutpilot.core.image.reference.ManifestParser;
import io.rolloutpilot.core.image.reference.MediaTypes;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a manifest and everything it references and checks it all before a push: each child manifest
 * exists and hashes to its digest and size, each blob exists with its declared size.
 */
public final class ManifestGraph {
  private static final int MAX_DEPTH = 4;

  /** Where a source keeps its manifests and blobs. */
  public interface Store {
    /** The bytes of a manifest by digest, or null when it is missing. */
    byte[] manifest(Digest digest) throws IOException, InterruptedException;

    /** The stored size of a blob, or -1 when it is missing; -2 when the store cannot tell the size. */
    long blobSize(Digest digest) throws IOException, InterruptedException;
  }

  private final ManifestParser parser;

  public ManifestGraph(ManifestParser parser) {
    this.parser = parser;
  }

  /** The walked graph: child manifests (push order) and distinct blobs. */
  public record Walk(List<Manifest> children, List<Descriptor> blobs) {}

  public Walk walk(String where, Manifest root, Store store) throws IOException, InterruptedException {
    Map<Digest, Manifest> children = new LinkedHashMap<>();
    Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
    visit(where, root, store, children, blobs, 0);
    for (Descriptor blob : blobs.values()) {
      long size = store.blobSize(blob.digest());
      if (size == -1) {
        throw new InvalidInputException("from", where + ": the manifest references blob " + blob.digest()
            + " (" + blob.mediaType() + "), which the source does not contain");
      }
      if (size >= 0 && size != blob.size()) {
        throw new InvalidInputException("from", where + ": blob " + blob.digest() + " is " + size
            + " bytes but the manifest says " + blob.size() + " (corrupt or truncated)");
      }
    }
    return new Walk(new ArrayList<>(children.values()), new ArrayList<>(blobs.values()));
  }

  /** Children go in push order: each after the manifests it lists, so an index never names missing content. */
  private void visit(String where, Manifest manifest, Store store, Map<Digest, Manifest> children,
      Map<Digest, Descriptor> blobs, int depth) throws IOException, InterruptedException {
    if (depth > MAX_DEPTH) {
      throw new InvalidInputException("from", where + ": indexes nest deeper than " + MAX_DEPTH);
    }
    manifest.blobs().forEach(blob -> blobs.putIfAbsent(blob.digest(), blob));
    for (Descriptor child : manifest.children()) {
      if (!MediaTypes.isManifest(child.mediaType())) {
        throw new InvalidInputException("from", where + ": index entry " + child.digest() + " has media type '"
            + child.mediaType() + "', not a manifest");
      }
      // each manifest is read and walked once, however many indexes list it: shared children cannot
      // multiply the work
      if (!children.containsKey(child.digest())) {
        Manifest parsed = load(where, child, store);
        visit(where, parsed, store, children, blobs, depth + 1);
        children.putIfAbsent(parsed.digest(), parsed);
      }
    }
  }

  /** Reads and checks one manifest a descriptor points at. */
  public Manifest load(String where, Descriptor descriptor, Store store) throws IOException, InterruptedException {
    byte[] bytes = store.manifest(descriptor.digest());
    if (bytes == null) {
      throw new InvalidInputException("from", where + ": manifest " + descriptor.digest()
          + " is referenced but missing");
    }
    Digest actual = Digest.of(bytes);
    if (!actual.equals(descriptor.digest()) || bytes.length != descriptor.size()) {
      throw new InvalidInputException("from", where + ": manifest " + descriptor.digest() + " is corrupt (its"
          + " bytes hash to " + actual + ", " + bytes.length + " bytes, expected " + descriptor.size() + ")");
    }
    return parser.parse(where + " " + descriptor.digest().shortHex(), bytes, descriptor.mediaType());
  }
}
