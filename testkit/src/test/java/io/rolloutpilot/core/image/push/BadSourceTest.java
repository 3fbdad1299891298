package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.source.FileSegment;
import io.rolloutpilot.core.image.source.TarTree;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rolloutpilot.testkit.registry.RegistryProxy;
import io.rolloutpilot.testkit.registry.Skopeo;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.TestImages;
import io.rolloutpilot.testkit.registry.Tools;

/**
 * Bad input is refused with a message saying what is wrong, before anything reaches the registry:
 * the proxy in front of it sees no upload (no POST, no PUT) for any of these. A blob whose content
 * does not match its digest is refused by the registry, which hashes every upload, and is reported
 * as a corrupt source with no manifest or tag put (see those tests).
 */
class BadSourceTest {
  @TempDir
  static Path dir;
  static LocalRegistry registry;
  static RegistryProxy proxy;
  static TestImages.Layout image;

  @BeforeAll
  static void start() throws Exception {
    registry = LocalRegistry.startPlain(dir.resolve("registry"));
    proxy = RegistryProxy.start(URI.create("http://" + registry.authority()), null, null);
    image = TestImages.single(dir.resolve("good"), 7, 2, 8 * 1024, false, "v1");
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    registry.close();
  }

  @BeforeEach
  void noUploadsYet() {
    assertThat(uploads()).isEmpty();
  }

  private static List<String> uploads() {
    return proxy.requests().stream().filter(r -> r.startsWith("POST") || r.startsWith("PUT")).toList();
  }

  private static InvalidInputException refused(String from, String to) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> Pushes.plain(proxy.authority()).push(from, to));
    assertThat(thrown).isInstanceOf(InvalidInputException.class);
    assertThat(uploads()).as("nothing may be uploaded for bad input").isEmpty();
    return (InvalidInputException) thrown;
  }

  private String to() {
    return proxy.authority() + "/team/bad:1";
  }

  private static Path copyOfGood(String name) throws Exception {
    Path copy = dir.resolve(name);
    try (var files = Files.walk(image.dir())) {
      for (Path p : files.toList()) {
        Path target = copy.resolve(image.dir().relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return copy;
  }

  @Test
  void missingArchive() {
    assertThat(refused("docker-archive:" + dir.resolve("nope.tar"), to())).hasMessageContaining("does not exist");
  }

  @Test
  void truncatedArchive() throws Exception {
    Path tar = TestImages.tarOf(image.dir(), dir.resolve("whole.tar"));
    Path cut = dir.resolve("cut.tar");
    Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(tar), (int) (Files.size(tar) / 2)));
    assertThat(refused("oci:" + cut + ":v1", to())).hasMessageContaining("truncated");
  }

  @Test
  void gzipArchiveAndNonTar() throws Exception {
    Path gz = dir.resolve("image.tar.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(TestImages.tarOf(image.dir(), dir.resolve("for-gz.tar"))));
    }
    assertThat(refused("docker-archive:" + gz, to())).hasMessageContaining("gzip");
    Path text = Files.writeString(dir.resolve("notes.txt"), "x".repeat(2048));
    assertThat(refused("docker-archive:" + text, to())).hasMessageContaining("not a tar archive");
  }

  @Test
  void unknownLayoutAndUnknownRef() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty-dir"));
    assertThat(refused("oci:" + empty, to())).hasMessageContaining("not an OCI image layout");
    assertThat(refused("oci:" + image.dir() + ":nope", to())).hasMessageContaining("no image named 'nope'")
        .hasMessageContaining("v1");
  }

  @Test
  void manifestReferencingMissingBlob() throws Exception {
    Path broken = copyOfGood("missing-blob");
    Files.delete(broken.resolve("blobs/sha256/" + image.layers().get(1).digest().hex()));
    assertThat(refused("oci:" + broken + ":v1", to())).hasMessageContaining(image.layers().get(1).digest().value())
        .hasMessageContaining("does not contain");
  }

  /**
   * Blob content is not hashed on our side: the registry hashes the upload and refuses it, which is
   * reported as a corrupt source (bad input), the blob is not stored and no manifest or tag is put.
   */
  @Test
  void blobWithFlippedByteIsRefusedAndGetsNoManifest() throws Exception {
    Path broken = copyOfGood("flipped");
    Digest corrupt = image.layers().get(0).digest();
    flipByte(broken.resolve("blobs/sha256/" + corrupt.hex()), 1000);
    assertRefusedAsCorrupt("oci:" + broken + ":v1", corrupt, "team/flipped");
  }

  /** An older docker save archive: its plain layers take their digests from the config's diff IDs. */
  @Test
  void legacyArchiveLayerWithFlippedByteIsRefusedAndGetsNoManifest() throws Exception {
    Path archive = dir.resolve("legacy.tar");
    new Skopeo().copy(List.of(), image.ociSource(), "docker-archive:" + archive + ":team/app:v1");
    TarTree tree = TarTree.index("--from", archive);
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(tree.find("manifest.json").orElseThrow().readSmall("manifest")).get(0);
    JsonNode config = json.readTree(tree.find(manifest.path("Config").asText()).orElseThrow().readSmall("config"));
    FileSegment layer = tree.find(manifest.path("Layers").get(0).asText()).orElseThrow();
    flipByte(archive, layer.offset() + 1000);
    Digest diffId = Digest.parse("diff_ids", config.path("rootfs").path("diff_ids").get(0).asText());
    assertRefusedAsCorrupt("docker-archive:" + archive, diffId, "team/legacy");
  }

  @Test
  void legacyArchiveWithAMalformedDiffIdIsRefused() throws Exception {
    Path archive = dir.resolve("legacy-for-diff-id.tar");
    new Skopeo().copy(List.of(), image.ociSource(), "docker-archive:" + archive + ":team/app:v1");
    Path unpacked = Files.createDirectories(dir.resolve("legacy-unpacked"));
    Tools.run(List.of("tar", "-xf", archive.toString(), "-C", unpacked.toString()), null, 60).requireSuccess("tar");
    ObjectMapper json = new ObjectMapper();
    Path configFile = unpacked.resolve(json.readTree(unpacked.resolve("manifest.json").toFile()).get(0)
        .path("Config").asText());
    ObjectNode config = (ObjectNode) json.readTree(configFile.toFile());
    ((ArrayNode) config.path("rootfs").path("diff_ids")).set(0, "sha256:nope");
    json.writeValue(configFile.toFile(), config);
    Path edited = TestImages.tarOf(unpacked, dir.resolve("legacy-bad-diff-id.tar"));
    assertThat(refused("docker-archive:" + edited, to())).hasMessageContaining("diff ID for layer 0")
        .hasMessageContaining("sha256:nope");
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
      bytes.seek(offset);
      int b = bytes.read();
      bytes.seek(offset);
      bytes.write(b ^ 0xff);
    }
  }

  private static void assertRefusedAsCorrupt(String from, Digest corrupt, String repository) throws Exception {
    try (RegistryProxy own = RegistryProxy.start(URI.create("http://" + registry.authority()), null, null)) {
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Pushes.plain(own.authority())
          .push(from, own.authority() + "/" + repository + ":1"));
      assertThat(thrown).isInstanceOf(InvalidInputException.class).hasMessageContaining("is corrupt")
          .hasMessageContaining(corrupt.value());
      assertThat(own.requests()).as("no manifest or tag after a corrupt blob")
          .noneMatch(r -> r.startsWith("PUT") && r.contains("/manifests/"));
      HttpResponse<Void> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
          + registry.authority() + "/v2/" + repository + "/blobs/" + corrupt.value())).method("HEAD",
          HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(head.statusCode()).as("the corrupt blob must not be stored").isEqualTo(404);
    }
  }

  @Test
  void corruptManifest() throws Exception {
    Path broken = copyOfGood("bad-manifest");
    Path manifest = broken.resolve("blobs/sha256/" + image.root().digest().hex());
    byte[] bytes = Files.readAllBytes(manifest);
    bytes[10] = (byte) '#';
    Files.write(manifest, bytes);
    assertThat(refused("oci:" + broken + ":v1", to())).hasMessageContaining("corrupt");
  }

  @Test
  void invalidReferencesAndTags() {
    assertThatThrownBy(() -> Pushes.plain(proxy.authority()).push(image.ociSource(), proxy.authority() + "/Team/App"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("lowercase");
    assertThatThrownBy(() -> Pushes.plain(proxy.authority()).push(image.ociSource(), to(), "-bad"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid tag");
    assertThatThrownBy(() -> Pushes.plain(proxy.authority()).push("tarball:/x", to()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("docker-archive:PATH");
    assertThatThrownBy(() -> Pushes.plain(proxy.authority()).push(image.ociSource(), "team/app:1"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no registry host");
    assertThat(uploads()).isEmpty();
  }

  /** A registry source must name its host: no implicit public default registry is ever contacted. */
  @Test
  void registrySourceWithoutHostIsRefused() {
    for (String from : List.of("docker://team/app:1", "docker://app", "docker://library/app@sha256:" + "a".repeat(64))) {
      assertThat(refused(from, to())).as(from).hasMessageContaining("names no registry host")
          .hasMessageContaining("write it out");
    }
    assertThat(proxy.requests()).as("not even a ping").isEmpty();
  }
}
