package io.rolloutpilot.testkit.registry;

import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.MediaTypes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Builds OCI image layouts in Java, no tools needed: gzip'd tar layers of seeded random data, a config
 * with the right diff IDs, manifests and indexes written in a deliberately non-canonical JSON style
 * (odd key order, indentation, trailing newline), so any re-serialisation would change the digest.
 */
public final class OciLayoutWriter {
  private static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  private final Path root;
  private final List<String> indexEntries = new ArrayList<>();

  public OciLayoutWriter(Path root) throws IOException {
    this.root = root;
    Files.createDirectories(root.resolve("blobs/sha256"));
  }

  public Path root() {
    return root;
  }

  /** A layer: a tar with one file of {@code size} random bytes from {@code seed}, gzip'd (stored, fast). */
  public Descriptor layer(long seed, long size) throws IOException {
    Path tmp = Files.createTempFile(root, "layer", ".tmp");
    MessageDigest diff = Digest.newSha256();
    MessageDigest blob = Digest.newSha256();
    try (OutputStream file = Files.newOutputStream(tmp);
         DigestOutputStream hashed = new DigestOutputStream(file, blob);
         GZIPOutputStream gzip = new StoredGzip(hashed);
         DigestOutputStream diffOut = new DigestOutputStream(gzip, diff)) {
      TarWriter tar = new TarWriter(diffOut);
      tar.file("data/" + seed + ".bin", size, out -> randomBytes(out, seed, size));
      tar.finish();
    }
    Digest digest = Digest.fromHash(blob.digest());
    Files.move(tmp, blobPath(digest), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    diffIds.put(digest, Digest.fromHash(diff.digest()));
    return new Descriptor(LAYER_GZIP, digest, Files.size(blobPath(digest)));
  }

  private final java.util.Map<Digest, Digest> diffIds = new java.util.HashMap<>();

  /** An image manifest (OCI or Docker media types) for {@code arch} over the given layers. */
  public Descriptor image(String arch, List<Descriptor> layers, boolean docker) throws IOException {
    StringBuilder ids = new StringBuilder();
    for (Descriptor layer : layers) {
      ids.append(ids.length() == 0 ? "" : ",").append('"').append(diffIds.get(layer.digest())).append('"');
    }
    String config = "{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/true\"]},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + ids + "]}}";
    Descriptor configBlob = blob(docker ? "application/vnd.docker.container.image.v1+json" : MediaTypes.OCI_CONFIG,
        config.getBytes(StandardCharsets.UTF_8));
    String type = docker ? MediaTypes.DOCKER_MANIFEST : MediaTypes.OCI_MANIFEST;
    StringBuilder json = new StringBuilder("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"" + type + "\",\n"
        + "   \"config\": " + descriptorJson(configBlob) + ",\n   \"layers\": [");
    for (int i = 0; i < layers.size(); i++) {
      Descriptor l = layers.get(i);
      String layerType = docker ? "application/vnd.docker.image.rootfs.diff.tar.gzip" : l.mediaType();
      json.append(i == 0 ? "\n      " : ",\n      ").append(descriptorJson(new Descriptor(layerType, l.digest(),
          l.size())));
    }
    json.append("\n   ],\n   \"annotations\": {\"made.by\": \"rollout-pilot testkit\"}\n}\n");
    return blob(type, json.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** An OCI index listing the given manifests with their platforms. */
  public Descriptor index(List<Descriptor> manifests, List<String> arches) throws IOException {
    StringBuilder json = new StringBuilder("{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"" + MediaTypes.OCI_INDEX
        + "\",\n  \"manifests\": [");
    for (int i = 0; i < manifests.size(); i++) {
      Descriptor m = manifests.get(i);
      json.append(i == 0 ? "\n    " : ",\n    ").append("{\"mediaType\": \"").append(m.mediaType())
          .append("\", \"size\": ").append(m.size()).append(", \"digest\": \"").append(m.digest())
          .append("\", \"platform\": {\"os\": \"linux\", \"architecture\": \"").append(arches.get(i)).append("\"}}");
    }
    json.append("\n  ]\n}\n");
    return blob(MediaTypes.OCI_INDEX, json.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Names {@code manifest} in index.json as {@code ref}. */
  public OciLayoutWriter ref(String ref, Descriptor manifest) {
    indexEntries.add("{\"mediaType\":\"" + manifest.mediaType() + "\",\"digest\":\"" + manifest.digest()
        + "\",\"size\":" + manifest.size() + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + ref
        + "\"}}");
    return this;
  }

  /** Writes {@code oci-layout} and {@code index.json}; returns the layout directory. */
  public Path write() throws IOException {
    Files.writeString(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(root.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":["
        + String.join(",", indexEntries) + "]}");
    return root;
  }

  public Descriptor blob(String mediaType, byte[] bytes) throws IOException {
    Digest digest = Digest.of(bytes);
    Files.write(blobPath(digest), bytes);
    return new Descriptor(mediaType, digest, bytes.length);
  }

  public Path blobPath(Digest digest) {
    return root.resolve("blobs/sha256/" + digest.hex());
  }

  private static String descriptorJson(Descriptor d) {
    return "{\"size\": " + d.size() + ", \"digest\": \"" + d.digest() + "\", \"mediaType\": \"" + d.mediaType()
        + "\"}";
  }

  private static void randomBytes(OutputStream out, long seed, long size) throws IOException {
    Random random = new Random(seed);
    byte[] buffer = new byte[1 << 16];
    for (long left = size; left > 0; ) {
      random.nextBytes(buffer);
      int n = (int) Math.min(buffer.length, left);
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  /** gzip framing around stored (uncompressed) deflate blocks: valid gzip, written at disk speed. */
  private static final class StoredGzip extends GZIPOutputStream {
    StoredGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.NO_COMPRESSION);
    }
  }
}
