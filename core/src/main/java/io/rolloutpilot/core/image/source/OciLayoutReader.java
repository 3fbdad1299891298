package io.rolloutpilot.core.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.Manifest;
import io.rolloutpilot.core.image.reference.ManifestParser;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/...}) from a
 * directory or a tar and picks the image by its {@code org.opencontainers.image.ref.name}.
 */
public final class OciLayoutReader {
  static final String REF_NAME = "org.opencontainers.image.ref.name";

  private final ObjectMapper json;
  private final ManifestGraph graph;

  public OciLayoutReader(ObjectMapper json, ManifestGraph graph) {
    this.json = json;
    this.graph = graph;
  }

  public static boolean isLayout(FileTree tree) {
    return tree.find("oci-layout").isPresent() && tree.find("index.json").isPresent();
  }

  public SourceImage read(String where, FileTree tree, String ref) throws IOException, InterruptedException {
    JsonNode layout = readJson(where, tree, "oci-layout");
    if (!layout.path("imageLayoutVersion").isTextual()) {
      throw invalid(where, "oci-layout has no imageLayoutVersion; this is not an OCI image layout");
    }
    Descriptor root = pick(where, readJson(where, tree, "index.json").path("manifests"), ref);
    ManifestGraph.Store store = store(tree);
    Manifest manifest = graph.load(where, root, store);
    ManifestGraph.Walk walk = graph.walk(where, manifest, store);
    Map<Digest, FileSegment> segments = new HashMap<>();
    for (Descriptor blob : walk.blobs()) {
      segments.put(blob.digest(), tree.find(blobPath(blob.digest())).orElseThrow());
    }
    return new SourceImage(where, manifest, walk.children(), walk.blobs(), new LocalBlobs(where, segments),
        Optional.empty());
  }

  private Descriptor pick(String where, JsonNode manifests, String ref) {
    if (!manifests.isArray() || manifests.isEmpty()) {
      throw invalid(where, "index.json lists no images");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < manifests.size(); i++) {
      JsonNode entry = manifests.get(i);
      String name = entry.path("annotations").path(REF_NAME).asText(null);
      names.add(name == null ? "(unnamed " + entry.path("digest").asText() + ")" : name);
      if (ref != null && ref.equals(name)) {
        return ManifestParser.descriptor(where, entry, "index.json manifests[" + i + "]");
      }
    }
    if (ref == null && manifests.size() == 1) {
      return ManifestParser.descriptor(where, manifests.get(0), "index.json manifests[0]");
    }
    String problem = ref == null ? "holds " + manifests.size() + " images; name one as oci:PATH:REF"
        : "holds no image named '" + ref + "'";
    throw invalid(where, problem + "; it has " + names);
  }

  private JsonNode readJson(String where, FileTree tree, String name) {
    FileSegment segment = tree.find(name).orElseThrow(() -> invalid(where, "has no " + name
        + "; this is not an OCI image layout"));
    byte[] bytes = segment.readSmall(name, ManifestParser.MAX_BYTES);
    try {
      return json.readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw invalid(where, name + " is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw invalid(where, name + " cannot be read as JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  static ManifestGraph.Store store(FileTree tree) {
    return new ManifestGraph.Store() {
      @Override
      public byte[] manifest(Digest digest) throws IOException {
        Optional<FileSegment> segment = tree.find(blobPath(digest));
        return segment.isEmpty() ? null : segment.get().readSmall("manifest " + digest, ManifestParser.MAX_BYTES);
      }

      @Override
      public long blobSize(Digest digest) {
        return tree.find(blobPath(digest)).map(FileSegment::length).orElse(-1L);
      }
    };
  }

  static String blobPath(Digest digest) {
    return "blobs/sha256/" + digest.hex();
  }

  private static InvalidInputException invalid(String where, String problem) {
    return new InvalidInputException("from", where + ": " + problem);
  }
}
