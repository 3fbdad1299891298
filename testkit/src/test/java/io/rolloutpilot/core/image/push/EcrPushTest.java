package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.image.ecr.AwsCredentialsSpec;
import io.rolloutpilot.core.image.ecr.EcrClients;
import io.rolloutpilot.core.image.ecr.EcrException;
import io.rolloutpilot.core.image.ecr.EcrPublisher;
import io.rolloutpilot.core.image.ecr.EcrPushRequest;
import io.rolloutpilot.core.image.ecr.EcrPushResult;
import io.rolloutpilot.core.image.ecr.EcrSettings;
import io.rolloutpilot.core.image.ecr.EcrTokenProvider;
import io.rolloutpilot.core.image.ecr.RepositoryRequest;
import io.rolloutpilot.core.image.ecr.ScanGate;
import io.rolloutpilot.core.image.ecr.ScanGateFailedException;
import io.rolloutpilot.core.image.ecr.ScanGateSpec;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryException;
import io.rolloutpilot.core.image.oci.RegistryHttpClients;
import io.rolloutpilot.core.image.oci.TlsSettings;
import io.rolloutpilot.core.image.push.ImagePublisher;
import io.rolloutpilot.core.image.push.PushEvent;
import io.rolloutpilot.core.image.push.PushOptions;
import io.rolloutpilot.core.image.push.PushRequest;
import io.rolloutpilot.core.image.push.TagConflictException;
import io.rolloutpilot.core.image.reference.PushTarget;
import io.rolloutpilot.core.image.source.SourceSpec;
import io.rolloutpilot.testkit.ecr.EcrRig;
import io.rolloutpilot.testkit.ecr.ScanPlan;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;
import io.rolloutpilot.testkit.registry.Skopeo;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.TestImages;
import io.rolloutpilot.testkit.ecr.EcrControlPlaneFake;

/** ECR through the AWS SDK v2 over real HTTP to the control-plane fake, pushing to a local TLS data plane. */
class EcrPushTest {
  static final String SECRET_KEY = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

  @TempDir
  static Path dir;
  static EcrRig rig;
  static TestImages.Layout image;
  static TestImages.Layout other;

  final List<PushEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    rig = EcrRig.start(dir.resolve("ecr"));
    image = TestImages.single(dir.resolve("a"), 51, 2, 16 * 1024, false, "v1");
    other = TestImages.single(dir.resolve("b"), 52, 2, 16 * 1024, false, "v1");
  }

  @AfterAll
  static void stop() throws Exception {
    rig.close();
  }

  static EcrSettings settings(URI api, URI registry) {
    return new EcrSettings(EcrRig.REGION, null, new AwsCredentialsSpec.Static("AKIDEXAMPLE", SECRET_KEY, null), null,
        api, registry, null, Duration.ofSeconds(1));
  }

  EcrPublisher publisher(EcrSettings settings, Set<String> trustedCerts) {
    EcrClient ecr = EcrClients.create(settings);
    return new EcrPublisher(ecr, settings, new RegistryHttpClients(new TlsSettings(
        rig.certificate().clientContext(), trustedCerts)), CredentialsResolver.anonymous(), new ObjectMapper(),
        Clock.systemUTC(), new ScanGate(ecr, Clock.systemUTC(), Duration.ofMillis(20), Duration.ofSeconds(10)));
  }

  EcrPushResult push(String repository, TestImages.Layout layout, RepositoryRequest repo, ScanGateSpec gate,
      String... tags) throws Exception {
    return publisher(settings(rig.control().endpoint(), null), Set.of()).push(new EcrPushRequest(
        SourceSpec.parse(layout.ociSource()), repository, List.of(tags), new PushOptions(4, false, Pushes.FAST_RETRY),
        repo, gate), events::add);
  }

  @Test
  void theSdkTokenOpensTheLocalTlsHtpasswdRegistry() throws Exception {
    String password = "direct-Token-Passw0rd";
    try (LocalRegistry registry = LocalRegistry.startTls(dir.resolve("direct"), rig.certificate(), "AWS", password);
         var control = io.rolloutpilot.testkit.ecr.EcrControlPlaneFake.start(EcrRig.REGION,
             URI.create("https://" + registry.authority()))) {
      control.fixedPassword(password);
      EcrSettings settings = settings(control.endpoint(), null);
      EcrClient ecr = EcrClients.create(settings);
      EcrPublisher publisher = new EcrPublisher(ecr, settings, new RegistryHttpClients(new TlsSettings(
          rig.certificate().clientContext(), Set.of())), CredentialsResolver.anonymous(), new ObjectMapper(),
          Clock.systemUTC(), new ScanGate(ecr, Clock.systemUTC(), Duration.ofMillis(20), Duration.ofSeconds(5)));
      EcrPushResult result = publisher.push(new EcrPushRequest(SourceSpec.parse(image.ociSource()), "team/direct",
          List.of("1.0"), PushOptions.defaults(), new RepositoryRequest(true, true, true, "KMS", null), null),
          events::add);

      assertThat(result.push().registry()).isEqualTo(registry.authority());
      assertThat(result.repository().created()).isTrue();
      assertThat(control.repository("team/direct").path("imageTagMutability").asText()).isEqualTo("IMMUTABLE");
      assertThat(control.repository("team/direct").path("imageScanningConfiguration").path("scanOnPush").asBoolean())
          .isTrue();
      assertThat(control.repository("team/direct").path("encryptionConfiguration").path("encryptionType").asText())
          .isEqualTo("KMS");
      assertThat(new Skopeo().inspectRaw(registry, "team/direct:1.0", "AWS", password)).isEqualTo(image.rootBytes());
    }
  }

  @Test
  void missingRepositoryWithoutCreateIsAnEnvironmentErrorWithAHintAndUploadsNothing() {
    int before = rig.dataPlane().requests().size();
    EcrException failure = catchThrowableOfType(() -> push("team/missing", image, RepositoryRequest.existingOnly(),
        null, "1"), EcrException.class);
    assertThat(failure.errorCode()).isEqualTo("RepositoryNotFoundException");
    assertThat(failure.hint()).contains("--create-repository");
    assertThat(rig.dataPlane().requests().subList(before, rig.dataPlane().requests().size()))
        .noneMatch(r -> r.startsWith("POST") || r.startsWith("PUT"));
  }

  @Test
  void immutableTagReRunSucceedsAndAConflictNamesBothDigests() throws Exception {
    rig.control().createRepository("team/immutable", true);
    EcrSettings settings = settings(rig.control().endpoint(), URI.create("https://" + rig.registryAuthority()));
    EcrTokenProvider token = new EcrTokenProvider(EcrClients.create(settings), Clock.systemUTC(), Duration.ZERO,
        t -> { });
    // the generic publisher without client-side immutability: ECR's own TAG_INVALID answer is handled
    ImagePublisher publisher = new ImagePublisher(new RegistryHttpClients(new TlsSettings(
        rig.certificate().clientContext(), Set.of())), a -> token, new ObjectMapper(), Clock.systemUTC());
    PushTarget target = new PushTarget(rig.registryAuthority(), "team/immutable", List.of("1.0"));
    PushOptions options = new PushOptions(2, false, Pushes.FAST_RETRY);
    publisher.push(new PushRequest(SourceSpec.parse(image.ociSource()), target, options), events::add);
    publisher.push(new PushRequest(SourceSpec.parse(image.ociSource()), target, options), events::add);
    assertThat(events).anyMatch(e -> e.kind() == PushEvent.Kind.TAG_UNCHANGED);

    TagConflictException conflict = catchThrowableOfType(() -> publisher.push(new PushRequest(
        SourceSpec.parse(other.ociSource()), target, options), events::add), TagConflictException.class);
    assertThat(conflict).hasMessageContaining(image.root().digest().value())
        .hasMessageContaining(other.root().digest().value());
    // and through the ECR publisher, which reads IMMUTABLE from the repository
    assertThat(push("team/immutable", image, RepositoryRequest.existingOnly(), null, "1.0").push().digest())
        .isEqualTo(image.root().digest().value());
  }

  @Test
  void anExpiredTokenIsRefreshedOnceAndThePushCompletes() throws Exception {
    rig.control().createRepository("team/expiry", false);
    int calls = rig.control().tokenCalls();
    events.clear();
    PushEvent[] first = new PushEvent[1];
    publisher(settings(rig.control().endpoint(), null), Set.of()).push(new EcrPushRequest(
        SourceSpec.parse(image.ociSource()), "team/expiry", List.of("1"), new PushOptions(1, false, Pushes.FAST_RETRY),
        RepositoryRequest.existingOnly(), null), event -> {
          events.add(event);
          if (event.kind() == PushEvent.Kind.BLOB_UPLOADED && first[0] == null) {
            first[0] = event;
            rig.control().expireAllTokens();
          }
        });
    assertThat(rig.control().tokenCalls() - calls).isEqualTo(2);
    assertThat(events).anyMatch(e -> e.kind() == PushEvent.Kind.TOKEN_REFRESHED && e.message().contains("rejected"));
    assertThat(new Skopeo().inspectRaw(rig.backend(), "team/expiry:1", null, null)).isEqualTo(image.rootBytes());
  }

  @Test
  void theTokenIsCachedUntilShortlyBeforeExpiry() {
    rig.control().tokenLifetime(Duration.ofHours(1));
    MutableClock clock = new MutableClock(Instant.now());
    EcrTokenProvider token = new EcrTokenProvider(EcrClients.create(settings(rig.control().endpoint(), null)), clock,
        Duration.ofMinutes(10), t -> { });
    int calls = rig.control().tokenCalls();
    token.current();
    token.current();
    clock.now = clock.now.plus(Duration.ofMinutes(45));
    token.current();
    assertThat(rig.control().tokenCalls() - calls).isEqualTo(1);
    clock.now = clock.now.plus(Duration.ofMinutes(6)); // 51 min: inside the 10-minute margin
    token.current();
    assertThat(rig.control().tokenCalls() - calls).isEqualTo(2);
    rig.control().tokenLifetime(Duration.ofHours(12));
  }

  @Test
  void scanGatePassesWithinLimitsAndFailsAboveThemListingTheWorst() throws Exception {
    rig.control().scanPlan(new ScanPlan(2, Map.of("HIGH", 2, "MEDIUM", 7), List.of()));
    EcrPushResult pass = push("team/scanned", image, new RepositoryRequest(true, false, true, null, null),
        ScanGateSpec.parse("CRITICAL=0,HIGH=5"), "ok");
    assertThat(pass.scan().passed()).isTrue();
    assertThat(pass.scan().counts()).containsEntry("HIGH", 2);
    assertThat(events).anyMatch(e -> e.kind() == PushEvent.Kind.SCAN_WAITING);

    rig.control().scanPlan(new ScanPlan(0, Map.of("CRITICAL", 1, "HIGH", 9), List.of(
        new ScanPlan.Finding("CVE-2024-0001", "HIGH", "https://cve.example/1"),
        new ScanPlan.Finding("CVE-2024-6387", "CRITICAL", "https://cve.example/6387"))));
    ScanGateFailedException failed = catchThrowableOfType(() -> push("team/scanned2", other,
        new RepositoryRequest(true, false, true, null, null), ScanGateSpec.parse("CRITICAL=0,HIGH=5"), "bad"),
        ScanGateFailedException.class);
    assertThat(failed.result().scan().exceeded()).containsExactly("CRITICAL", "HIGH");
    assertThat(failed.getMessage()).contains("CVE-2024-6387");
    assertThat(failed.result().scan().worstFindings().get(0)).startsWith("CRITICAL CVE-2024-6387");
    assertThat(failed.result().push().digest()).isEqualTo(other.root().digest().value());
    rig.control().scanPlan(null);
  }

  @Test
  void passwordsTokensAndKeysNeverAppearInMessagesEventsOrResults() throws Exception {
    String password = "Leak-Canary-Passw0rd-77";
    List<String> seen = new ArrayList<>();
    try (LocalRegistry registry = LocalRegistry.startTls(dir.resolve("secrets"), rig.certificate(), "AWS",
        "another-password");
         var control = io.rolloutpilot.testkit.ecr.EcrControlPlaneFake.start(EcrRig.REGION,
             URI.create("https://" + registry.authority()))) {
      control.fixedPassword(password);
      control.createRepository("team/secret", false);
      EcrSettings settings = settings(control.endpoint(), null);
      EcrClient ecr = EcrClients.create(settings);
      EcrPublisher publisher = new EcrPublisher(ecr, settings, new RegistryHttpClients(new TlsSettings(
          rig.certificate().clientContext(), Set.of())), CredentialsResolver.anonymous(), new ObjectMapper(),
          Clock.systemUTC(), new ScanGate(ecr, Clock.systemUTC(), Duration.ofMillis(20), Duration.ofSeconds(5)));
      RegistryException failure = catchThrowableOfType(() -> publisher.push(new EcrPushRequest(
          SourceSpec.parse(image.ociSource()), "team/secret", List.of("1"), new PushOptions(1, false, Pushes.FAST_RETRY),
          RepositoryRequest.existingOnly(), null), e -> seen.add(e.toString())), RegistryException.class);
      assertThat(failure.errorCode()).isEqualTo("UNAUTHORIZED");
      assertThat(control.tokenCalls()).isEqualTo(2); // refreshed once, then given up
      seen.add(failure.toString());
      seen.add(String.valueOf(failure.hint()));
      for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
        seen.add(t.toString());
      }
      seen.add(settings.toString());
    }
    seen.add(push("team/secret-ok", image, new RepositoryRequest(true, false, false, null, null), null, "1").toString());
    events.forEach(e -> seen.add(e.toString()));
    String token = Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8));
    assertThat(String.join("\n", seen)).doesNotContain(password).doesNotContain(token).doesNotContain(SECRET_KEY)
        .doesNotContain("ecr-"); // the data-plane passwords the fake issues all start with ecr-
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
