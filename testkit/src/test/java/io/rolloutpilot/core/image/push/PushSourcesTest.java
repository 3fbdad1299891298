package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.image.push.PushResult;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.MediaTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rolloutpilot.testkit.registry.Skopeo;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.TestImages;
import io.rolloutpilot.core.event.BlobMounted;
import io.rolloutpilot.core.event.ManifestPut;
import io.rolloutpilot.core.event.TagSet;

/** Every source kind pushed to a real docker-registry; skopeo inspect --raw is the byte-equality oracle. */
class PushSourcesTest {
  @TempDir
  static Path dir;
  static LocalRegistry registry;
  static Skopeo skopeo;
  static TestImages.Layout single;
  static TestImages.Layout multi;
  static TestImages.Layout docker;

  @BeforeAll
  static void start() throws Exception {
    registry = LocalRegistry.startPlain(dir.resolve("registry"));
    skopeo = new Skopeo();
    single = TestImages.single(dir.resolve("single"), 1, 3, 64 * 1024, false, "v1");
    multi = TestImages.twoPlatform(dir.resolve("multi"), 2, "multi");
    docker = TestImages.single(dir.resolve("docker"), 3, 2, 32 * 1024, true, "d1");
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
  }

  private byte[] raw(String repoAndRef) throws Exception {
    return skopeo.inspectRaw(registry, repoAndRef, null, null);
  }

  @Test
  void ociDirectoryIsPushedByteForByteAndTagged() throws Exception {
    Pushes pushes = Pushes.plain(registry.authority());
    PushResult result = pushes.push(single.ociSource(), registry.authority() + "/team/single:1.0", "latest");

    assertThat(result.digest()).isEqualTo(single.root().digest().value());
    assertThat(raw("team/single:1.0")).isEqualTo(single.rootBytes());
    assertThat(raw("team/single:latest")).isEqualTo(single.rootBytes());
    assertThat(raw("team/single@" + result.digest())).isEqualTo(single.rootBytes());
    assertThat(result.imageRef()).isEqualTo(registry.authority() + "/team/single@" + result.digest());
    assertThat(result.tags()).containsExactly("1.0", "latest");
    assertThat(result.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(result.blobsUploaded()).isEqualTo(4); // 3 layers + config
    assertThat(result.blobsReused()).isZero();
    assertThat(result.bytesUploaded()).isGreaterThan(3 * 64 * 1024);
    // progress: the manifest once, by digest; each tag as a tag, not as another manifest
    assertThat(pushes.of(ManifestPut.class)).extracting(ManifestPut::digest).containsExactly(result.digest());
    assertThat(pushes.of(TagSet.class)).extracting(TagSet::tag).containsExactly("1.0", "latest");
  }

  @Test
  void rePushReusesEveryBlob() throws Exception {
    Pushes pushes = Pushes.plain(registry.authority());
    pushes.push(single.ociSource(), registry.authority() + "/team/again:1");
    PushResult second = pushes.push(single.ociSource(), registry.authority() + "/team/again:2");

    assertThat(second.blobsUploaded()).isZero();
    assertThat(second.blobsReused()).isEqualTo(4);
    assertThat(second.bytesUploaded()).isZero();
    assertThat(raw("team/again:2")).isEqualTo(single.rootBytes());
  }

  @Test
  void ociTarWithTwoPlatformIndexKeepsIndexAndChildrenExact() throws Exception {
    Path tar = TestImages.tarOf(multi.dir(), dir.resolve("multi.tar"));
    PushResult result = Pushes.plain(registry.authority()).push("oci:" + tar + ":multi",
        registry.authority() + "/team/multi:2");

    assertThat(result.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(result.digest()).isEqualTo(multi.root().digest().value());
    assertThat(raw("team/multi:2")).isEqualTo(multi.rootBytes());
    String index = new String(multi.rootBytes());
    for (String child : List.of(childDigest(index, 0), childDigest(index, 1))) {
      byte[] stored = raw("team/multi@" + child);
      assertThat(Digest.of(stored).value()).isEqualTo(child);
      assertThat(stored).isEqualTo(Files.readAllBytes(multi.dir().resolve("blobs/sha256/" + child.substring(7))));
    }
    assertThat(result.blobsUploaded()).isEqualTo(5); // shared base + 2 own layers + 2 configs
  }

  @Test
  void dockerArchiveFromSkopeoPushesTheSameDigestEveryTime() throws Exception {
    Path archive = dir.resolve("image.tar");
    skopeo.copy(List.of(), single.ociSource(), "docker-archive:" + archive + ":team/app:v1");
    Pushes pushes = Pushes.plain(registry.authority());
    PushResult first = pushes.push("docker-archive:" + archive, registry.authority() + "/team/archive:1");
    PushResult second = pushes.push("docker-archive:" + archive, registry.authority() + "/other/archive:1");

    assertThat(second.digest()).isEqualTo(first.digest());
    byte[] stored = raw("team/archive:1");
    assertThat(Digest.of(stored).value()).isEqualTo(first.digest());
    // the pushed image is a complete, pullable image: skopeo copies it back out
    skopeo.copy(List.of("--src-tls-verify=false"), "docker://" + registry.authority() + "/team/archive:1",
        "oci:" + dir.resolve("pulled") + ":x");
    assertThat(dir.resolve("pulled/index.json")).exists();
  }

  @Test
  void dockerV2s2FromAnotherRepositoryIsPromotedByMountWithoutBlobBytes() throws Exception {
    // skopeo converts our OCI image to Docker v2 schema 2: an independent producer of the Docker format
    skopeo.copy(List.of("--dest-tls-verify=false", "--format", "v2s2"), single.ociSource(),
        "docker://" + registry.authority() + "/src/docker:d1");
    byte[] source = raw("src/docker:d1");
    assertThat(new String(source)).contains(MediaTypes.DOCKER_MANIFEST);

    Pushes pushes = Pushes.plain(registry.authority());
    PushResult result = pushes.push("docker://" + registry.authority() + "/src/docker:d1",
        registry.authority() + "/prod/docker:1");

    assertThat(raw("prod/docker:1")).isEqualTo(source);
    assertThat(result.digest()).isEqualTo(Digest.of(source).value());
    assertThat(result.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(result.bytesUploaded()).isZero();
    assertThat(result.blobsUploaded()).isZero();
    assertThat(pushes.count(BlobMounted.class)).isEqualTo(4);
  }

  @Test
  void layoutWithDockerMediaTypesIsPushedUnchanged() throws Exception {
    PushResult result = Pushes.plain(registry.authority()).push(docker.ociSource(),
        registry.authority() + "/team/dockertypes:1");

    assertThat(result.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(raw("team/dockertypes:1")).isEqualTo(docker.rootBytes());
  }

  private static String childDigest(String index, int n) {
    int at = -1;
    for (int i = 0; i <= n; i++) {
      at = index.indexOf("\"digest\": \"", at + 1);
    }
    int start = at + "\"digest\": \"".length();
    return index.substring(start, index.indexOf('"', start));
  }
}
