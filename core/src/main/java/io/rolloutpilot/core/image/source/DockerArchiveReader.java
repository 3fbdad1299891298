package io.rolloutpilot.core.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.Manifest;
import io.rolloutpilot.core.image.reference.ManifestParser;
import io.rolloutpilot.core.image.reference.MediaTypes;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code docker save} tarball. Archives from Docker 25+ embed an OCI layout, which is read as
 * such (manifest bytes exactly as Docker wrote them). Older archives hold only {@code manifest.json},
 * a config and layer tars; for those an OCI manifest is written deterministically around the stored
 * blobs, which are pushed unchanged (uncompressed layers keep their digest = Docker's diff ID, so the
 * config digest, Docker's image ID, and the manifest digest are the same on every push).
 */
public final class DockerArchiveReader {
  private static final String GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

  private final ObjectMapper json;
  private final OciLayoutReader layouts;
  private final ManifestParser parser;

  public DockerArchiveReader(ObjectMapper json, OciLayoutReader layouts, ManifestParser parser) {
    this.json = json;
    this.layouts = layouts;
    this.parser = parser;
  }

  public SourceImage read(String where, FileTree tree) throws IOException, InterruptedException {
    if (OciLayoutReader.isLayout(tree)) {
      return layouts.read(where, tree, null);
    }
    JsonNode entry = onlyImage(where, tree);
    FileSegment configFile = file(where, tree, entry.path("Config").asText(""), "the config");
    byte[] config = configFile.readSmall("config");
    JsonNode diffIds = readJson(where, config, "the config").path("rootfs").path("diff_ids");
    JsonNode layers = entry.path("Layers");
    if (!layers.isArray() || !diffIds.isArray() || layers.size() != diffIds.size()) {
      throw invalid(where, "manifest.json lists " + layers.size() + " layers but the config has "
          + diffIds.size() + " diff_ids");
    }
    Map<Digest, FileSegment> segments = new HashMap<>();
    Descriptor configBlob = new Descriptor(MediaTypes.OCI_CONFIG, Digest.of(config), config.length);
    segments.put(configBlob.digest(), configFile);
    List<Descriptor> layerBlobs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      FileSegment layer = file(where, tree, layers.get(i).asText(""), "layer " + i);
      Descriptor blob = describeLayer(where, layer, diffIds.get(i).asText(""), i);
      segments.put(blob.digest(), layer);
      layerBlobs.add(blob);
    }
    byte[] bytes = manifestBytes(configBlob, layerBlobs);
    Manifest manifest = parser.parse(where, bytes, MediaTypes.OCI_MANIFEST);
    List<Descriptor> blobs = new ArrayList<>(manifest.blobs());
    return new SourceImage(where, manifest, List.of(), blobs.stream().distinct().toList(),
        new LocalBlobs(where, segments), Optional.empty());
  }

  private JsonNode onlyImage(String where, FileTree tree) throws IOException {
    FileSegment manifestJson = tree.find("manifest.json").orElseThrow(() -> invalid(where,
        "has neither manifest.json nor an OCI layout; this is not a docker save archive"));
    JsonNode list = readJson(where, manifestJson.readSmall("manifest.json"), "manifest.json");
    if (!list.isArray() || list.size() != 1) {
      throw invalid(where, "manifest.json must list exactly one image (it lists " + (list.isArray() ? list.size()
          : 0) + "); save one image per archive");
    }
    return list.get(0);
  }

  /**
   * An uncompressed layer's digest is its diff ID, so it is not hashed here: like every blob, the
   * registry hashes it on upload and refuses a mismatch, which is reported as a corrupt source.
   * A gzip layer has no recorded digest and is hashed (a rare case: docker save writes plain tars).
   */
  private static Descriptor describeLayer(String where, FileSegment layer, String diffId, int index) {
    Digest diff;
    try {
      diff = Digest.parse("from", diffId);
    } catch (InvalidInputException e) {
      throw invalid(where, "the config's diff ID for layer " + index + " ('" + diffId + "') is not a sha256 digest");
    }
    try (InputStream in = layer.open()) {
      byte[] buffer = new byte[256 * 1024];
      int n = in.readNBytes(buffer, 0, 2);
      boolean gzip = n == 2 && buffer[0] == 0x1f && (buffer[1] & 0xff) == 0x8b;
      if (!gzip) {
        return new Descriptor(MediaTypes.OCI_LAYER_TAR, diff, layer.length());
      }
      MessageDigest sha = Digest.newSha256();
      sha.update(buffer, 0, n);
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
      return new Descriptor(GZIP_LAYER, Digest.fromHash(sha.digest()), layer.length());
    } catch (IOException e) {
      throw SourceFiles.unreadable(where, "layer " + index, e);
    }
  }

  /** The OCI manifest around the stored blobs, in a fixed field order with no whitespace. */
  static byte[] manifestBytes(Descriptor config, List<Descriptor> layers) {
    StringBuilder out = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"").append(MediaTypes.OCI_MANIFEST)
        .append("\",\"config\":");
    appendDescriptor(out, config);
    out.append(",\"layers\":[");
    for (int i = 0; i < layers.size(); i++) {
      out.append(i == 0 ? "" : ",");
      appendDescriptor(out, layers.get(i));
    }
    return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void appendDescriptor(StringBuilder out, Descriptor d) {
    out.append("{\"mediaType\":\"").append(d.mediaType()).append("\",\"digest\":\"").append(d.digest().value())
        .append("\",\"size\":").append(d.size()).append('}');
  }

  private static FileSegment file(String where, FileTree tree, String name, String what) {
    if (name.isEmpty()) {
      throw invalid(where, "manifest.json names no file for " + what);
    }
    return tree.find(name).orElseThrow(() -> invalid(where, what + " '" + name + "' is listed in manifest.json"
        + " but missing from the archive"));
  }

  private JsonNode readJson(String where, byte[] bytes, String what) {
    try {
      return json.readTree(bytes);
    } catch (IOException e) {
      throw invalid(where, what + " is not valid JSON");
    }
  }

  private static InvalidInputException invalid(String where, String problem) {
    return new InvalidInputException("from", where + ": " + problem);
  }
}
