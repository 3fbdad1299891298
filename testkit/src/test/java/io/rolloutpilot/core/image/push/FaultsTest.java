package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.image.oci.RegistryErrors;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.image.push.PushResult;
import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.error.InvalidInputException;
import java.time.Duration;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rolloutpilot.testkit.registry.RegistryProxy;
import io.rolloutpilot.testkit.registry.Skopeo;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.ProxyRule;
import io.rolloutpilot.testkit.registry.TestImages;
import io.rolloutpilot.core.event.RequestRetried;
import io.rolloutpilot.sandbox.Polling;

/** The distribution flow as the registry sees it, and faults injected by a proxy in the middle of uploads. */
class FaultsTest {
  @TempDir
  static Path dir;
  static LocalRegistry registry;
  static RegistryProxy proxy;
  static Skopeo skopeo;
  static TestImages.Layout image;
  static TestImages.Layout multi;

  @BeforeAll
  static void start() throws Exception {
    registry = LocalRegistry.startPlain(dir.resolve("registry"));
    proxy = RegistryProxy.start(URI.create("http://" + registry.authority()), null, null);
    skopeo = new Skopeo();
    image = TestImages.single(dir.resolve("img"), 11, 3, 256 * 1024, false, "v1");
    multi = TestImages.twoPlatform(dir.resolve("multi"), 12, "multi");
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    registry.close();
  }

  @AfterEach
  void noRules() {
    proxy.clearRules();
  }

  private String to(String repoAndTag) {
    return proxy.authority() + "/" + repoAndTag;
  }

  @Test
  void uploadsAreHeadThenPostThenOneMonolithicPutAndManifestsGoLastTagsAfterDigests() throws Exception {
    int before = proxy.requests().size();
    Pushes.plain(proxy.authority()).push(multi.ociSource(), to("flow/multi:1"));
    List<String> log = proxy.requests().subList(before, proxy.requests().size());

    assertThat(log).noneMatch(r -> r.startsWith("PATCH"));
    long posts = log.stream().filter(r -> r.startsWith("POST") && r.contains("/blobs/uploads/")).count();
    long puts = log.stream().filter(r -> r.startsWith("PUT") && r.contains("/blobs/uploads/")).count();
    assertThat(posts).isEqualTo(5).isEqualTo(puts);
    int lastBlobPut = lastIndex(log, r -> r.startsWith("PUT") && r.contains("/blobs/"));
    int firstManifestPut = firstIndex(log, r -> r.startsWith("PUT") && r.contains("/manifests/"));
    assertThat(firstManifestPut).isGreaterThan(lastBlobPut);
    List<String> manifestPuts = log.stream().filter(r -> r.startsWith("PUT") && r.contains("/manifests/")).toList();
    assertThat(manifestPuts).hasSize(4);
    assertThat(manifestPuts.subList(0, 3)).allMatch(r -> r.contains("/manifests/sha256:"));
    assertThat(manifestPuts.get(3)).endsWith("/manifests/1");
    assertThat(manifestPuts.get(2)).endsWith(multi.root().digest().value());
    assertThat(log.stream().filter(r -> r.startsWith("HEAD") && r.contains("/blobs/")).count()).isEqualTo(5);
  }

  @Test
  void serverErrorsMidBlobAreRetriedAndTheImageArrivesIntact() throws Exception {
    proxy.rule(ProxyRule.failBlobUploads(2, 503));
    Pushes pushes = Pushes.plain(proxy.authority());
    PushResult result = pushes.push(image.ociSource(), to("faults/five:1"));

    // each injected 503 costs one retry; the proxy's close after an error can rarely cost one more
    assertThat(pushes.count(RequestRetried.class)).isBetween(2L, 3L);
    assertThat(result.blobsUploaded()).isEqualTo(4);
    assertThat(skopeo.inspectRaw(registry, "faults/five:1", null, null)).isEqualTo(image.rootBytes());
    verifyPullable("faults/five:1");
  }

  @Test
  void connectionResetsMidBlobAreRetried() throws Exception {
    proxy.rule(ProxyRule.resetBlobUploads(3));
    Pushes pushes = Pushes.plain(proxy.authority());
    pushes.push(image.ociSource(), to("faults/reset:1"));

    assertThat(pushes.count(RequestRetried.class)).isBetween(3L, 4L);
    assertThat(skopeo.inspectRaw(registry, "faults/reset:1", null, null)).isEqualTo(image.rootBytes());
    verifyPullable("faults/reset:1");
  }

  @Test
  void persistentFailureGivesUpWithinBoundsAndSetsNoTag() throws Exception {
    proxy.rule(ProxyRule.failBlobUploads(Integer.MAX_VALUE, 500));
    Pushes pushes = Pushes.plain(proxy.authority());
    assertThatThrownBy(() -> pushes.push(image.ociSource(), to("faults/never:1")))
        .isInstanceOf(RolloutPilotException.class).hasMessageContaining("500");
    proxy.clearRules();
    assertThat(Pushes.FAST_RETRY.maxAttempts()).isEqualTo(4);
    assertThat(pushes.of(RequestRetried.class)).isNotEmpty();
    assertThat(pushes.of(RequestRetried.class).stream()
        .collect(java.util.stream.Collectors.groupingBy(RequestRetried::request, java.util.stream.Collectors.counting()))
        .values()).allMatch(n -> n <= 3);
    assertThat(tagExists("faults/never", "1")).isFalse();
  }

  /** ECR refuses content that does not match its digest with its own code, not distribution's. */
  @Test
  void ecrsRefusalOfADigestMismatchIsACorruptSourceAndOtherUploadRefusalsAreNot() throws Exception {
    proxy.rule(ProxyRule.refuseBlobUploads("BLOB_UPLOAD_INVALID",
        "None of the provided layer digests match the calculated layer digest"));
    assertThatThrownBy(() -> Pushes.plain(proxy.authority()).push(image.ociSource(), to("faults/ecr:1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("is corrupt")
        .hasMessageContaining("BLOB_UPLOAD_INVALID");
    proxy.clearRules();
    proxy.rule(ProxyRule.refuseBlobUploads("BLOB_UPLOAD_INVALID", "upload session expired"));
    assertThatThrownBy(() -> Pushes.plain(proxy.authority()).push(image.ociSource(), to("faults/ecr:1")))
        .isInstanceOf(RolloutPilotException.class).hasMessageContaining("upload session expired");
    assertThat(tagExists("faults/ecr", "1")).isFalse();
  }

  /**
   * A source truncated while its blob is on the wire: the mapped bytes past the new end cannot be
   * sent, the attempt fails, and the retry finds the blob short and reports a corrupt source.
   */
  @Test
  void aSourceTruncatedMidUploadIsReportedAsCorruptAndGetsNoTag() throws Exception {
    TestImages.Layout big = TestImages.single(dir.resolve("big"), 13, 1, 32L << 20, false, "v1");
    Descriptor blob = big.layers().get(0);
    Path layer = big.dir().resolve("blobs/sha256/" + blob.digest().hex());
    proxy.rule(ProxyRule.throttleBlobUploads(8L << 20));
    int before = proxy.requests().size();
    ExecutorService pusher = Executors.newSingleThreadExecutor();
    try {
      Future<PushResult> push = pusher.submit(() -> Pushes.plain(proxy.authority()).push(big.ociSource(),
          to("faults/truncated:1")));
      // the file is cut while its upload is on the wire
      Polling.until(Duration.ofSeconds(30), Duration.ofMillis(20),
          () -> proxy.requests().subList(before, proxy.requests().size()).stream().anyMatch(r -> r.startsWith("PUT")),
          started -> started, started -> "no upload started");
      try (FileChannel file = FileChannel.open(layer, StandardOpenOption.WRITE)) {
        file.truncate(1_000_000);
      }
      assertThatThrownBy(() -> push.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidInputException.class)
          .hasMessageContaining("is corrupt: it ends after 1000000 of " + blob.size() + " bytes");
    } finally {
      pusher.shutdownNow();
    }
    assertThat(tagExists("faults/truncated", "1")).isFalse();
  }

  private boolean tagExists(String repository, String tag) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var response = client.send(java.net.http.HttpRequest.newBuilder(URI.create("http://" + registry.authority()
        + "/v2/" + repository + "/manifests/" + tag)).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
        .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    return response.statusCode() == 200;
  }

  private void verifyPullable(String repoAndTag) throws Exception {
    Path out = dir.resolve("pull-" + repoAndTag.replace('/', '-').replace(':', '-'));
    skopeo.copy(List.of("--src-tls-verify=false"), "docker://" + registry.authority() + "/" + repoAndTag,
        "oci:" + out + ":x");
  }

  private static int lastIndex(List<String> log, java.util.function.Predicate<String> p) {
    for (int i = log.size() - 1; i >= 0; i--) {
      if (p.test(log.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int firstIndex(List<String> log, java.util.function.Predicate<String> p) {
    for (int i = 0; i < log.size(); i++) {
      if (p.test(log.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
