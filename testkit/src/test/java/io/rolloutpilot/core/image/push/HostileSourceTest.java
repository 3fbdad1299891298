package io.rolloutpilot.core.image.push;

import static io.rolloutpilot.core.image.push.HostileSources.ascii;
import static io.rolloutpilot.core.image.push.HostileSources.base256;
import static io.rolloutpilot.core.image.push.HostileSources.headerWithSize;
import static io.rolloutpilot.core.image.push.HostileSources.legacy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.SourceOpened;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryAccess;
import io.rolloutpilot.core.image.oci.TlsSettings;
import io.rolloutpilot.core.image.reference.PushTarget;
import io.rolloutpilot.core.image.source.SourceSpec;
import io.rolloutpilot.core.image.reference.MediaTypes;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.OciLayoutWriter;
import io.rolloutpilot.testkit.registry.RegistryProxy;
import io.rolloutpilot.testkit.registry.TarWriter;
import io.rolloutpilot.testkit.registry.TestImages;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile {@code docker save} archives, OCI layouts and files: each is bad input naming the source and
 * what is wrong (never an I/O error reported as an unreachable registry, a bare runtime exception or
 * a hang), and nothing reaches the registry.
 */
class HostileSourceTest {
  @TempDir
  static Path dir;
  static LocalRegistry registry;
  static RegistryProxy proxy;
  static HostileSources sources;

  @BeforeAll
  static void start() throws Exception {
    registry = LocalRegistry.startPlain(dir.resolve("registry"));
    proxy = RegistryProxy.start(URI.create("http://" + registry.authority()), null, null);
    sources = new HostileSources(Files.createDirectories(dir.resolve("sources")));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    registry.close();
  }

  /** Builds one hostile source; returns the {@code --from} text. */
  @FunctionalInterface
  interface Source {
    String build(HostileSources s) throws Exception;
  }

  static Arguments row(String name, Source source, String... fragments) {
    return Arguments.of(name, source, fragments);
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        row("negative octal size", s -> s.archive("neg-octal", t -> t.raw(headerWithSize(ascii("-0000000001\0")))),
            "holds no valid size"),
        row("negative base-256 size", s -> s.archive("neg-256", t -> t.raw(headerWithSize(base256(-1)))),
            "negative size"),
        row("huge octal size", s -> s.archive("huge-octal", t -> t.raw(headerWithSize(ascii("77777777777\0")))),
            "runs past the end of the file"),
        row("huge base-256 size", s -> s.archive("huge-256", t -> t.raw(headerWithSize(base256(Long.MAX_VALUE)))),
            "runs past the end of the file"),
        row("truncated header", HostileSourceTest::truncatedHeader, "ends in the middle of a header"),
        row("overlong GNU name", s -> s.archive("long-name", t -> {
          t.longName("a".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
          t.file("x", new byte[1]);
        }), "a long name of 100001 bytes"),
        row("malformed PAX header", s -> s.archive("pax-garbage", t -> {
          t.pax(ascii("garbage without a length\n"));
          t.file("manifest.json", ascii("[]"));
        }), "a PAX header holds a malformed record"),
        row("PAX size beyond the file", s -> s.archive("pax-size", t -> {
          t.pax(ascii("29 size=99999999999999999999\n"));
          t.file("manifest.json", ascii("[]"));
        }), "a PAX header gives no valid size"),
        row("PAX path leaving the archive", s -> s.archive("pax-path", t -> {
          t.pax(ascii("28 path=../../manifest.json\n"));
          t.file("innocent.json", ascii("[]"));
        }), "'../../manifest.json'", "'..'"),
        row("non-UTF-8 name", s -> s.archive("latin1", t -> t.raw(TarWriter.seal(nonUtf8Header()))),
            "is not valid UTF-8"),
        row("name with ../", s -> s.archive("dotdot", t -> t.file("../manifest.json", ascii("[]"))),
            "'../manifest.json'", "'..'"),
        row("symlink manifest.json", s -> s.archive("symlink", t -> t.special("manifest.json", '2', "/etc/passwd")),
            "manifest.json", "is a symbolic link"),
        row("directory manifest.json", s -> s.archive("dir", t -> t.special("manifest.json/", '5', "")),
            "manifest.json", "is a directory"),
        row("FIFO manifest.json", s -> s.archive("fifo-entry", t -> t.special("manifest.json", '6', "")),
            "manifest.json", "is a FIFO"),
        row("device layer", s -> s.archive("device", legacy("config.json", "layer.tar", t -> {
          t.file("config.json", HostileSources.CONFIG.getBytes(StandardCharsets.UTF_8));
          t.special("layer.tar", '3', "");
        })), "layer.tar", "is a character device"),
        row("hard-linked config", s -> s.archive("hardlink", legacy("config.json", "layer.tar", t -> {
          t.special("config.json", '1', "layer.tar");
          t.file("layer.tar", HostileSources.LAYER);
        })), "config.json", "is a hard link"),
        row("config outside the archive", s -> s.archive("escape", legacy("../../etc/passwd", "layer.tar",
            HostileSources::configAndLayer)), "'../../etc/passwd'", "'..'"),
        row("absolute layer name", s -> s.archive("absolute", legacy("config.json", "/etc/passwd",
            HostileSources::configAndLayer)), "'/etc/passwd'", "absolute"),
        row("oversized index.json", HostileSourceTest::oversizedIndex, "index.json is 17825792 bytes", "at most"),
        row("oversized manifest", HostileSourceTest::oversizedManifest, "is 17825792 bytes", "at most"),
        row("manifest without mediaType or schemaVersion", s -> s.layoutWithManifest("no-kind",
            "{\"config\":{},\"layers\":[]}"), "not a schema version 2 manifest"),
        row("schemaVersion as text", s -> s.layoutWithManifest("text-version", "{\"schemaVersion\":\"2\","
            + "\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{},\"layers\":[]}"),
            "not a schema version 2 manifest"),
        row("manifest of no known kind", s -> s.layoutWithManifest("shapeless", "{\"schemaVersion\":2}"),
            "has no config descriptor"),
        row("blob digest leaving the layout", s -> s.layoutWithManifest("digest-escape", "{\"schemaVersion\":2,"
            + "\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\"x\",\"digest\":"
            + "\"sha256:../../../etc/passwd\",\"size\":1},\"layers\":[]}"), "sha256:../../../etc/passwd",
            "is not a digest"),
        row("blob symlinked outside the layout", HostileSourceTest::blobSymlink, "is a symbolic link"),
        row("blobs directory symlinked elsewhere", HostileSourceTest::blobsDirSymlink, "leaves the layout"),
        row("index.json is a FIFO", s -> layoutWith(s, "index-fifo", "index.json", true), "index.json",
            "is a FIFO"),
        row("index.json is a directory", s -> layoutWith(s, "index-dir", "index.json", false), "index.json",
            "is a directory"),
        row("docker-archive of a FIFO", s -> "docker-archive:" + HostileSources.fifo(s.dir().resolve("a.fifo")),
            "is a FIFO, not a regular file"),
        row("oci of a FIFO", s -> "oci:" + HostileSources.fifo(s.dir().resolve("b.fifo")),
            "is a FIFO, not a regular file"),
        row("docker-archive of a device", s -> "docker-archive:/dev/null", "is a character device"),
        row("oci of a device", s -> "oci:/dev/zero", "is a character device"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void hostileSourcesAreBadInputNamingWhatIsWrong(String name, Source source, String[] fragments) throws Exception {
    String from = source.build(sources);
    int before = proxy.requests().size();
    Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> org.assertj.core.api.Assertions
        .catchThrowable(() -> Pushes.plain(proxy.authority()).push(from, proxy.authority() + "/hostile/x:1")),
        name + " must not hang");
    assertThat(thrown).as(name).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) thrown).field()).isEqualTo("from");
    assertThat(thrown.getMessage()).contains(fragments).doesNotContainIgnoringCase("exception")
        .doesNotContainIgnoringCase("unexpected");
    assertThat(proxy.requests().subList(before, proxy.requests().size()))
        .as("nothing is uploaded for bad input").noneMatch(r -> r.startsWith("POST") || r.startsWith("PUT"));
  }

  /** A blob file that disappears once the source was checked: bad input, not a registry to retry. */
  @Test
  void aBlobThatCannotBeReadDuringThePushIsBadInputNotAnUnreachableRegistry() throws Exception {
    OciLayoutWriter writer = sources.goodLayout("vanishing");
    EngineListener deleteBlobs = event -> {
      if (event instanceof SourceOpened) {
        try (var blobs = Files.list(writer.root().resolve("blobs/sha256"))) {
          for (Path blob : blobs.toList()) {
            Files.delete(blob);
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    PushRequest request = new PushRequest(SourceSpec.parse("oci:" + writer.root() + ":v1"),
        PushTarget.parse(proxy.authority() + "/hostile/vanishing:1", List.of(), null),
        new PushOptions(1, false, Pushes.FAST_RETRY), new RegistryAccess(new TlsSettings(null, Set.of(proxy.authority())), CredentialsResolver.anonymous()));
    Throwable thrown;
    try (RolloutPilotEngine engine = RolloutPilotEngine.withoutCluster()) {
      thrown = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> org.assertj.core.api.Assertions
          .catchThrowable(() -> engine.images().push(request, deleteBlobs)));
    }
    assertThat(thrown).isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot read blob sha256:")
        .hasMessageContaining("does not exist");
  }

  private static String truncatedHeader(HostileSources s) throws Exception {
    Path file = s.dir().resolve("cut-header.tar");
    Files.write(file, java.util.Arrays.copyOf(TarWriter.header("manifest.json", 10, '0', ""), 300));
    return "docker-archive:" + file;
  }

  private static byte[] nonUtf8Header() {
    byte[] header = TarWriter.header("xx.json", 0, '0', "");
    header[0] = (byte) 0xc3;
    header[1] = (byte) 0x28;
    return header;
  }

  private static String oversizedIndex(HostileSources s) throws Exception {
    OciLayoutWriter writer = s.goodLayout("big-index");
    byte[] index = new byte[HostileSources.OVERSIZED];
    java.util.Arrays.fill(index, (byte) ' ');
    byte[] json = Files.readAllBytes(writer.root().resolve("index.json"));
    System.arraycopy(json, 0, index, 0, json.length);
    Files.write(writer.root().resolve("index.json"), index);
    return "oci:" + writer.root();
  }

  private static String oversizedManifest(HostileSources s) throws Exception {
    OciLayoutWriter writer = new OciLayoutWriter(s.dir().resolve("big-manifest"));
    StringBuilder json = new StringBuilder(HostileSources.manifestJson(writer));
    json.setLength(json.length() - 1);
    json.append(",\"annotations\":{\"pad\":\"");
    int padding = HostileSources.OVERSIZED - json.length() - "\"}}".length();
    json.append("p".repeat(padding)).append("\"}}");
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    writer.ref("v1", writer.blob(MediaTypes.OCI_MANIFEST, bytes)).write();
    return "oci:" + writer.root() + ":v1";
  }

  private static String blobSymlink(HostileSources s) throws Exception {
    OciLayoutWriter writer = s.goodLayout("blob-link");
    Path outside = Files.writeString(s.dir().resolve("outside.txt"), "secret");
    try (var blobs = Files.list(writer.root().resolve("blobs/sha256"))) {
      for (Path blob : blobs.toList()) {
        if (Files.size(blob) == HostileSources.LAYER.length) {
          Files.delete(blob);
          Files.createSymbolicLink(blob, outside);
        }
      }
    }
    return "oci:" + writer.root() + ":v1";
  }

  private static String blobsDirSymlink(HostileSources s) throws Exception {
    OciLayoutWriter writer = s.goodLayout("blobs-link");
    Path elsewhere = s.dir().resolve("elsewhere-blobs");
    Files.move(writer.root().resolve("blobs"), elsewhere);
    Files.createSymbolicLink(writer.root().resolve("blobs"), elsewhere);
    return "oci:" + writer.root() + ":v1";
  }

  private static String layoutWith(HostileSources s, String name, String file, boolean fifo) throws Exception {
    OciLayoutWriter writer = s.goodLayout(name);
    Files.delete(writer.root().resolve(file));
    if (fifo) {
      HostileSources.fifo(writer.root().resolve(file));
    } else {
      Files.createDirectory(writer.root().resolve(file));
    }
    return "oci:" + writer.root() + ":v1";
  }
}
