package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rolloutpilot.core.error.ErrorKind;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.event.RequestRetried;
import io.rolloutpilot.core.image.oci.RegistryTimeouts;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.ProxyRule;
import io.rolloutpilot.testkit.registry.RegistryProxy;
import io.rolloutpilot.testkit.registry.TestImages;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registries that stop answering or stop moving a body: each request fails after the stall or response
 * timeout, is retried within the retry policy, and the push ends as unreachable naming the request and
 * the registry, within a bounded time instead of hanging.
 */
class StallTest {
  static final RegistryTimeouts SHORT = new RegistryTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2),
      Duration.ofSeconds(1));
  /** Four attempts, each waiting at most the response timeout plus a stall, with short pauses between. */
  static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir
  static Path dir;
  static LocalRegistry registry;
  static TestImages.Layout image;

  @BeforeAll
  static void start() throws Exception {
    registry = LocalRegistry.startPlain(dir.resolve("registry"));
    image = TestImages.single(dir.resolve("img"), 21, 1, 24L << 20, false, "v1");
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
  }

  private static RegistryProxy proxy() throws Exception {
    return RegistryProxy.start(URI.create("http://" + registry.authority()), null, null);
  }

  private static Pushes pushes(String... insecure) {
    Pushes pushes = new Pushes(new io.rolloutpilot.core.image.oci.TlsSettings(null, java.util.Set.of(insecure)),
        io.rolloutpilot.core.image.oci.CredentialsResolver.anonymous());
    return pushes.options(new PushOptions(2, false, Pushes.FAST_RETRY, SHORT));
  }

  /** Pushes and returns the failure, asserting it came within the bound. */
  private static RolloutPilotException failure(Pushes pushes, String from, String to) {
    long start = System.nanoTime();
    Throwable thrown = assertTimeoutPreemptively(BOUND.plusSeconds(30), () -> org.assertj.core.api.Assertions
        .catchThrowable(() -> pushes.push(from, to)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("a stalled registry must not hold the push").isLessThan(BOUND);
    assertThat(thrown).isInstanceOf(RolloutPilotException.class);
    return (RolloutPilotException) thrown;
  }

  @Test
  void aRegistryThatStopsReadingAnUploadFailsItAfterTheStallTimeout() throws Exception {
    try (RegistryProxy proxy = proxy().rule(ProxyRule.stallBlobUploads(64 * 1024))) {
      Pushes pushes = pushes(proxy.authority());
      RolloutPilotException e = failure(pushes, image.ociSource(), proxy.authority() + "/stall/upload:1");

      assertThat(e.kind()).isEqualTo(ErrorKind.UNREACHABLE);
      assertThat(e.hint()).contains(Hint.RETRY_LATER);
      assertThat(e.getMessage()).contains(proxy.authority() + " stalled: PUT /v2/stall/upload/blobs/uploads/")
          .contains("the connection to take more of the body");
      assertThat(layerRetries(pushes)).hasSize(Pushes.FAST_RETRY.maxAttempts() - 1)
          .allSatisfy(r -> assertThat(r.reason()).contains("stalled"));
    }
  }

  @Test
  void aRegistryThatTakesAnUploadAndNeverAnswersFailsItAfterTheResponseTimeout() throws Exception {
    try (RegistryProxy proxy = proxy().rule(ProxyRule.stallBlobUploads(Long.MAX_VALUE))) {
      Pushes pushes = pushes(proxy.authority());
      RolloutPilotException e = failure(pushes, image.ociSource(), proxy.authority() + "/stall/answer:1");

      assertThat(e.kind()).isEqualTo(ErrorKind.UNREACHABLE);
      assertThat(e.getMessage()).contains("stalled: PUT /v2/stall/answer/blobs/uploads/").contains("an answer");
      assertThat(layerRetries(pushes)).hasSize(Pushes.FAST_RETRY.maxAttempts() - 1);
    }
  }

  /** The retries of the big layer's upload (the config's upload may stall and be retried beside it). */
  private static java.util.List<RequestRetried> layerRetries(Pushes pushes) {
    String layer = image.layers().get(0).digest().shortHex();
    return pushes.of(RequestRetried.class).stream().filter(r -> r.request().contains(layer)).toList();
  }

  @Test
  void aSourceRegistryThatStopsSendingABlobFailsThePushNamingTheSource() throws Exception {
    assertSourceStallFails(Duration.ZERO, "silent");
  }

  @Test
  void aSourceRegistryThatTricklesABlobFailsThePushNamingTheSource() throws Exception {
    assertSourceStallFails(Duration.ofSeconds(2), "trickle");
  }

  private static void assertSourceStallFails(Duration interval, String name) throws Exception {
    try (RegistryProxy source = proxy(); RegistryProxy destination = proxy()) {
      pushes(source.authority()).push(image.ociSource(), source.authority() + "/origin/" + name + ":1");
      source.rule(ProxyRule.trickleBlobDownloads(1000, interval));
      Pushes pushes = pushes(source.authority(), destination.authority());
      RolloutPilotException e = failure(pushes, "docker://" + source.authority() + "/origin/" + name + ":1",
          destination.authority() + "/copy/" + name + ":1");

      assertThat(e.kind()).isEqualTo(ErrorKind.UNREACHABLE);
      assertThat(e.getMessage()).contains(source.authority() + " stalled: GET /v2/origin/" + name + "/blobs/sha256:")
          .contains("moved no chunk of its body within 1 s");
      assertThat(destination.requests()).noneMatch(r -> r.startsWith("PUT") && r.contains("/manifests/"));
    }
  }
}
