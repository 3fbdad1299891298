package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rolloutpilot.core.image.oci.BasicCredentials;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryCredentials;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.image.oci.RegistryErrors;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.image.oci.TlsSettings;
import io.rolloutpilot.core.image.push.PushResult;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rolloutpilot.testkit.registry.Skopeo;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.TestImages;
import io.rolloutpilot.testkit.registry.TestCertificate;

/** TLS with verification and htpasswd (bcrypt) Basic auth for user AWS, the way ECR's data plane looks. */
class TlsAuthTest {
  static final String PASSWORD = "s3cr3t-Tls-Passw0rd-42";

  @TempDir
  static Path dir;
  static TestCertificate certificate;
  static LocalRegistry registry;
  static TestImages.Layout image;

  @BeforeAll
  static void start() throws Exception {
    certificate = TestCertificate.create(dir.resolve("certs"));
    registry = LocalRegistry.startTls(dir.resolve("registry"), certificate, "AWS", PASSWORD);
    image = TestImages.single(dir.resolve("img"), 21, 2, 32 * 1024, false, "v1");
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
  }

  private static CredentialsResolver aws(String password) {
    return authority -> RegistryCredentials.of(new BasicCredentials("AWS", password));
  }

  private static TlsSettings trusted() {
    return new TlsSettings(certificate.clientContext(), Set.of());
  }

  @Test
  void verifiedTlsWithBasicAuthPushesExactBytes() throws Exception {
    PushResult result = new Pushes(trusted(), aws(PASSWORD)).push(image.ociSource(),
        registry.authority() + "/team/tls:1");

    assertThat(new Skopeo().inspectRaw(registry, "team/tls:1", "AWS", PASSWORD)).isEqualTo(image.rootBytes());
    assertThat(result.digest()).isEqualTo(image.root().digest().value());
  }

  @Test
  void untrustedCertificateFailsWithAHintAndInsecureRegistryLiftsItForThatHostOnly() throws Exception {
    RolloutPilotException failure = catchThrowableOfType(RolloutPilotException.class, () -> new Pushes(TlsSettings.verified(), aws(PASSWORD))
        .push(image.ociSource(), registry.authority() + "/team/untrusted:1"));
    assertThat(failure).hasMessageContaining("TLS");
    assertThat(failure.hint()).contains(Hint.TRUST_PRIVATE_CA);

    RolloutPilotException otherHost = catchThrowableOfType(RolloutPilotException.class, () -> new Pushes(
        new TlsSettings(null, Set.of("127.0.0.1:1", "localhost:" + registry.port())), aws(PASSWORD))
        .push(image.ociSource(), registry.authority() + "/team/untrusted:1"));
    assertThat(otherHost).as("insecure applies to the named host:port only").hasMessageContaining("TLS");

    new Pushes(new TlsSettings(null, Set.of(registry.authority())), aws(PASSWORD))
        .push(image.ociSource(), registry.authority() + "/team/insecure:1");
    assertThat(new Skopeo().inspectRaw(registry, "team/insecure:1", "AWS", PASSWORD)).isEqualTo(image.rootBytes());
  }

  @Test
  void wrongOrMissingCredentialsAreUnauthorizedAndThePasswordNeverShows() {
    String wrong = "wr0ng-Pa55word-xyz";
    RolloutPilotException failure = catchThrowableOfType(RolloutPilotException.class, () -> new Pushes(trusted(), aws(wrong))
        .push(image.ociSource(), registry.authority() + "/team/denied:1"));
    assertThat(RegistryErrors.status(failure)).isEqualTo(401);
    assertThat(RegistryErrors.code(failure)).isEqualTo("UNAUTHORIZED");
    assertThat(failure.hint()).contains(Hint.CHECK_REGISTRY_CREDENTIALS);
    assertThat(failure.getMessage() + failure.hint() + failure).doesNotContain(wrong).doesNotContain(PASSWORD);

    RolloutPilotException anonymous = catchThrowableOfType(RolloutPilotException.class, () -> new Pushes(trusted(), CredentialsResolver.anonymous())
        .push(image.ociSource(), registry.authority() + "/team/denied:1"));
    assertThat(RegistryErrors.status(anonymous)).isEqualTo(401);
  }
}
