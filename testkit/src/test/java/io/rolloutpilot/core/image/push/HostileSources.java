package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.MediaTypes;
import io.rolloutpilot.testkit.registry.OciLayoutWriter;
import io.rolloutpilot.testkit.registry.TarWriter;
import io.rolloutpilot.testkit.registry.Tools;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Builds hostile {@code docker save} archives and OCI layouts with the testkit's writers: sizes that
 * are negative or beyond the file, cut headers, long and non-UTF-8 names, links, devices, FIFOs and
 * directories where files belong, names leaving the archive, oversized and shapeless manifests.
 */
final class HostileSources {
  static final byte[] LAYER = "layer content, any bytes will do".getBytes(StandardCharsets.UTF_8);
  static final String CONFIG = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
      + "\"diff_ids\":[\"" + Digest.of(LAYER) + "\"]}}";
  static final int OVERSIZED = 17 << 20;

  private final Path dir;

  HostileSources(Path dir) {
    this.dir = dir;
  }

  /** Writes an archive; returns {@code docker-archive:PATH}. */
  String archive(String name, TarBody body) throws IOException {
    Path file = dir.resolve(name + ".tar");
    try (OutputStream out = Files.newOutputStream(file)) {
      TarWriter tar = new TarWriter(out);
      body.write(tar);
      tar.finish();
    }
    return "docker-archive:" + file;
  }

  /** Writes what a tar body is. */
  @FunctionalInterface
  interface TarBody {
    void write(TarWriter tar) throws IOException;
  }

  /** A legacy archive: manifest.json naming {@code config} and {@code layer}, with the given entries. */
  static TarBody legacy(String config, String layer, TarBody entries) {
    return tar -> {
      tar.file("manifest.json", ("[{\"Config\":\"" + config + "\",\"RepoTags\":[\"app:1\"],\"Layers\":[\"" + layer
          + "\"]}]").getBytes(StandardCharsets.UTF_8));
      entries.write(tar);
    };
  }

  /** The config and layer files a legacy archive names {@code config.json} and {@code layer.tar}. */
  static void configAndLayer(TarWriter tar) throws IOException {
    tar.file("config.json", CONFIG.getBytes(StandardCharsets.UTF_8));
    tar.file("layer.tar", LAYER);
  }

  /** A header for {@code manifest.json} whose 12-byte size field is {@code size}, checksum sealed. */
  static byte[] headerWithSize(byte[] size) {
    byte[] header = TarWriter.header("manifest.json", 0, '0', "");
    System.arraycopy(size, 0, header, 124, 12);
    return TarWriter.seal(header);
  }

  /** GNU base-256: a leading 0x80 (or 0xff for negative numbers) and the value's big-endian bytes. */
  static byte[] base256(long value) {
    byte[] field = new byte[12];
    Arrays.fill(field, value < 0 ? (byte) 0xff : 0);
    for (int i = 11; i >= 4; i--) {
      field[i] = (byte) (value >>> (8 * (11 - i)));
    }
    field[0] = value < 0 ? (byte) 0xff : (byte) 0x80;
    return field;
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** A layout directory with one image whose manifest is {@code manifestJson}; returns {@code oci:DIR:v1}. */
  String layoutWithManifest(String name, String manifestJson) throws IOException {
    OciLayoutWriter writer = new OciLayoutWriter(dir.resolve(name));
    writer.ref("v1", writer.blob(MediaTypes.OCI_MANIFEST, manifestJson.getBytes(StandardCharsets.UTF_8))).write();
    return "oci:" + writer.root() + ":v1";
  }

  /** A valid image manifest's JSON over a config and one layer written into {@code writer}. */
  static String manifestJson(OciLayoutWriter writer) throws IOException {
    var config = writer.blob(MediaTypes.OCI_CONFIG, CONFIG.getBytes(StandardCharsets.UTF_8));
    var layer = writer.blob(MediaTypes.OCI_LAYER_TAR, LAYER);
    return "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":" + json(config)
        + ",\"layers\":[" + json(layer) + "]}";
  }

  static String json(io.rolloutpilot.core.image.reference.Descriptor d) {
    return "{\"mediaType\":\"" + d.mediaType() + "\",\"digest\":\"" + d.digest() + "\",\"size\":" + d.size() + "}";
  }

  /** A good single-image layout directory; returns the writer to spoil it further. */
  OciLayoutWriter goodLayout(String name) throws IOException {
    OciLayoutWriter writer = new OciLayoutWriter(dir.resolve(name));
    writer.ref("v1", writer.blob(MediaTypes.OCI_MANIFEST, manifestJson(writer).getBytes(StandardCharsets.UTF_8)))
        .write();
    return writer;
  }

  /** A named pipe at {@code path}: opening it for reading waits for a writer, forever. */
  static Path fifo(Path path) throws IOException, InterruptedException {
    Files.deleteIfExists(path);
    Tools.run(List.of(Tools.require("mkfifo", "coreutils").toString(), path.toString()), null, 10)
        .requireSuccess("mkfifo");
    return path;
  }

  Path dir() {
    return dir;
  }
}
