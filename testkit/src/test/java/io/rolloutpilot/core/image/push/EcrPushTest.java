package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.error.ConflictException;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.NotFoundException;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.event.BlobUploaded;
import io.rolloutpilot.core.event.EngineEvent;
import io.rolloutpilot.core.event.RegistryTokenRefreshed;
import io.rolloutpilot.core.event.ScanCompleted;
import io.rolloutpilot.core.event.ScanWaiting;
import io.rolloutpilot.core.event.TagUnchanged;
import io.rolloutpilot.core.image.ecr.AwsCredentialsSpec;
import io.rolloutpilot.core.image.oci.RegistryAccess;
import io.rolloutpilot.core.image.oci.RegistryErrors;
import io.rolloutpilot.core.image.ecr.EcrClients;
import io.rolloutpilot.core.image.ecr.EcrPushRequest;
import io.rolloutpilot.core.image.ecr.EcrPushResult;
import io.rolloutpilot.core.image.ecr.EcrSettings;
import io.rolloutpilot.core.image.ecr.EcrTokenProvider;
import io.rolloutpilot.core.image.ecr.RepositoryRequest;
import io.rolloutpilot.core.image.ecr.ScanGateSpec;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.TlsSettings;
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

  static RolloutPilotEngine engine;

  final List<EngineEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    engine = RolloutPilotEngine.builder().scanPollInterval(Duration.ofMillis(20)).build();
    rig = EcrRig.start(dir.resolve("ecr"));
    image = TestImages.single(dir.resolve("a"), 51, 2, 16 * 1024, false, "v1");
    other = TestImages.single(dir.resolve("b"), 52, 2, 16 * 1024, false, "v1");
  }

  @AfterAll
  static void stop() throws Exception {
    engine.close();
    rig.close();
  }

  static EcrSettings settings(URI api, URI registry) {
    return new EcrSettings(EcrRig.REGION, null, new AwsCredentialsSpec.Static("AKIDEXAMPLE", SECRET_KEY, null), null,
        api, registry, null, Duration.ofSeconds(1));
  }

  /** TLS against the rig's certificate, no credentials but the ECR token. */
  static RegistryAccess access() {
    return new RegistryAccess(new TlsSettings(rig.certificate().clientContext(), Set.of()),
        CredentialsResolver.anonymous());
  }

  static EcrPushRequest request(EcrSettings settings, TestImages.Layout layout, String repository, List<String> tags,
      PushOptions options, RepositoryRequest repo, ScanGateSpec gate) {
    return new EcrPushRequest(SourceSpec.parse(layout.ociSource()), settings, repository, tags, options, repo, gate,
        Duration.ofSeconds(10), access());
  }

  EcrPushResult push(String repository, TestImages.Layout layout, RepositoryRequest repo, ScanGateSpec gate,
      String... tags) throws Exception {
    return engine.images().pushToEcr(request(settings(rig.control().endpoint(), null), layout, repository,
        List.of(tags), new PushOptions(4, false, Pushes.FAST_RETRY), repo, gate), events::add);
  }

  @Test
  void theSdkTokenOpensTheLocalTlsHtpasswdRegistry() throws Exception {
    String password = "direct-Token-Passw0rd";
    try (LocalRegistry registry = LocalRegistry.startTls(dir.resolve("direct"), rig.certificate(), "AWS", password);
         var control = io.rolloutpilot.testkit.ecr.EcrControlPlaneFake.start(EcrRig.REGION,
             URI.create("https://" + registry.authority()))) {
      control.fixedPassword(password);
      EcrPushResult result = engine.images().pushToEcr(request(settings(control.endpoint(), null), image,
          "team/direct", List.of("1.0"), PushOptions.defaults(), new RepositoryRequest(true, true, true, "KMS", null),
          null), events::add);

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
    NotFoundException failure = catchThrowableOfType(NotFoundException.class, () -> push("team/missing", image,
        RepositoryRequest.existingOnly(), null, "1"));
    assertThat(RegistryErrors.code(failure)).isEqualTo("RepositoryNotFoundException");
    assertThat(failure.hint()).contains(Hint.CREATE_REPOSITORY);
    assertThat(rig.dataPlane().requests().subList(before, rig.dataPlane().requests().size()))
        .noneMatch(r -> r.startsWith("POST") || r.startsWith("PUT"));
  }

  @Test
  void immutableTagReRunSucceedsAndAConflictNamesBothDigests() throws Exception {
    rig.control().createRepository("team/immutable", true);
    EcrSettings settings = settings(rig.control().endpoint(), URI.create("https://" + rig.registryAuthority()));
    EcrTokenProvider token = new EcrTokenProvider(EcrClients.open(settings).ecr(), Clock.systemUTC(), Duration.ZERO,
        (renewal, until) -> { });
    // the generic push without client-side immutability: ECR's own TAG_INVALID answer is handled
    RegistryAccess withToken = new RegistryAccess(access().tls(), a -> token);
    PushTarget target = new PushTarget(rig.registryAuthority(), "team/immutable", List.of("1.0"));
    PushOptions options = new PushOptions(2, false, Pushes.FAST_RETRY);
    engine.images().push(new PushRequest(SourceSpec.parse(image.ociSource()), target, options, withToken),
        events::add);
    engine.images().push(new PushRequest(SourceSpec.parse(image.ociSource()), target, options, withToken),
        events::add);
    assertThat(events).anyMatch(e -> e instanceof TagUnchanged);

    ConflictException conflict = catchThrowableOfType(ConflictException.class, () -> engine.images().push(new PushRequest(
        SourceSpec.parse(other.ociSource()), target, options, withToken), events::add));
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
    EngineEvent[] first = new EngineEvent[1];
    engine.images().pushToEcr(request(settings(rig.control().endpoint(), null), image, "team/expiry", List.of("1"),
        new PushOptions(1, false, Pushes.FAST_RETRY), RepositoryRequest.existingOnly(), null), event -> {
          events.add(event);
          if (event instanceof BlobUploaded && first[0] == null) {
            first[0] = event;
            rig.control().expireAllTokens();
          }
        });
    assertThat(rig.control().tokenCalls() - calls).isEqualTo(2);
    assertThat(events).anyMatch(e -> e instanceof RegistryTokenRefreshed refreshed && refreshed.renewal());
    assertThat(new Skopeo().inspectRaw(rig.backend(), "team/expiry:1", null, null)).isEqualTo(image.rootBytes());
  }

  @Test
  void theTokenIsCachedUntilShortlyBeforeExpiry() {
    rig.control().tokenLifetime(Duration.ofHours(1));
    MutableClock clock = new MutableClock(Instant.now());
    EcrTokenProvider token = new EcrTokenProvider(EcrClients.open(settings(rig.control().endpoint(), null)).ecr(), clock,
        Duration.ofMinutes(10), (renewal, until) -> { });
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
    assertThat(events).anyMatch(e -> e instanceof ScanWaiting);

    rig.control().scanPlan(new ScanPlan(0, Map.of("CRITICAL", 1, "HIGH", 9), List.of(
        new ScanPlan.Finding("CVE-2024-0001", "HIGH", "https://cve.example/1"),
        new ScanPlan.Finding("CVE-2024-6387", "CRITICAL", "https://cve.example/6387"))));
    EcrPushResult failed = push("team/scanned2", other, new RepositoryRequest(true, false, true, null, null),
        ScanGateSpec.parse("CRITICAL=0,HIGH=5"), "bad");
    assertThat(failed.scan().passed()).isFalse();
    assertThat(failed.scan().exceeded()).containsExactly("CRITICAL", "HIGH");
    assertThat(failed.scan().worstFindings().get(0)).startsWith("CRITICAL CVE-2024-6387");
    assertThat(failed.push().digest()).isEqualTo(other.root().digest().value());
    assertThat(events).anyMatch(e -> e instanceof ScanCompleted completed && !completed.passed());
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
      RolloutPilotException failure = catchThrowableOfType(RolloutPilotException.class, () -> engine.images().pushToEcr(request(settings, image,
          "team/secret", List.of("1"), new PushOptions(1, false, Pushes.FAST_RETRY), RepositoryRequest.existingOnly(),
          null), e -> seen.add(e.toString())));
      assertThat(RegistryErrors.code(failure)).isEqualTo("UNAUTHORIZED");
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
