package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.image.push.PushResult;
import java.time.Duration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rolloutpilot.testkit.registry.RegistryProxy;
import io.rolloutpilot.testkit.registry.Skopeo;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.ProxyRule;
import io.rolloutpilot.testkit.registry.TestImages;
import io.rolloutpilot.sandbox.Polling;

/** A push killed (SIGKILL) half-way leaves no tag and no manifest behind; the re-run completes and reuses blobs. */
class KilledPushTest {
  @TempDir
  static Path dir;
  static LocalRegistry registry;
  static RegistryProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    registry = LocalRegistry.startPlain(dir.resolve("registry"));
    proxy = RegistryProxy.start(URI.create("http://" + registry.authority()), null, null);
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    registry.close();
  }

  @Test
  void killedMidwayNoTagPointsAtIncompleteContent() throws Exception {
    TestImages.Layout image = TestImages.single(dir.resolve("img"), 31, 4, 512 * 1024, false, "v1");
    proxy.rule(ProxyRule.throttleBlobUploads(1024 * 1024));
    String to = proxy.authority() + "/team/killed:1";
    Process push = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), PushMain.class.getName(), image.ociSource(), to)
        .redirectErrorStream(true).redirectOutput(dir.resolve("push.log").toFile()).start();
    try {
      Polling.until(Duration.ofSeconds(60), Duration.ofMillis(10), () -> proxy.blobUploadsDone() >= 1 || !push.isAlive(),
          done -> done, done -> "no blob upload finished");
      assertThat(push.isAlive()).as("the push must still be running when killed").isTrue();
      assertThat(proxy.blobUploadsDone()).isBetween(1, 4);
    } finally {
      push.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    assertThat(status("/v2/team/killed/manifests/1")).isEqualTo(404);
    assertThat(status("/v2/team/killed/manifests/" + image.root().digest())).isEqualTo(404);

    proxy.clearRules();
    PushResult rerun = Pushes.plain(proxy.authority()).push(image.ociSource(), to);
    assertThat(rerun.blobsReused()).isGreaterThanOrEqualTo(1);
    assertThat(new Skopeo().inspectRaw(registry, "team/killed:1", null, null)).isEqualTo(image.rootBytes());
  }

  private static int status(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + registry.authority() + path))
        .method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Accept", String.join(",", List.of("application/vnd.oci.image.manifest.v1+json"))).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
