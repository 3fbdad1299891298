package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rolloutpilot.core.image.oci.BasicCredentials;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryCredentials;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.image.oci.RegistryErrors;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.image.oci.TlsSettings;
import io.rolloutpilot.core.image.push.PushResult;
import io.rolloutpilot.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rolloutpilot.testkit.registry.Skopeo;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.TestImages;
import io.rolloutpilot.testkit.registry.TestCertificate;
import io.rolloutpilot.testkit.registry.Tools;

/**
 * {@code --ca-cert}: the TLS rig's own CA is trusted on top of the JDK's defaults, verification stays
 * on, so no CA or the wrong CA still fails the handshake, and a bad file is refused up front.
 */
class CaCertTest {
  static final String PASSWORD = "Ca-Cert-Passw0rd-77";

  @TempDir
  static Path dir;
  static TestCertificate certificate;
  static TestCertificate stranger;
  static LocalRegistry registry;
  static TestImages.Layout image;

  @BeforeAll
  static void start() throws Exception {
    certificate = TestCertificate.create(dir.resolve("certs"));
    // same subject and names as the rig's, different key: trusting it must not trust the registry
    stranger = TestCertificate.create(dir.resolve("stranger"));
    registry = LocalRegistry.startTls(dir.resolve("registry"), certificate, "AWS", PASSWORD);
    image = TestImages.single(dir.resolve("img"), 23, 2, 16 * 1024, false, "v1");
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
  }

  private static Pushes pushes(TlsSettings tls) {
    CredentialsResolver aws = authority -> RegistryCredentials.of(new BasicCredentials("AWS", PASSWORD));
    return new Pushes(tls, aws);
  }

  private static TlsSettings withCa(Path pem) {
    return TlsSettings.withCaCertificates("--ca-cert", pem, Set.of());
  }

  @Test
  void withoutTheCaTheHandshakeFailsNamingTheHost() {
    RolloutPilotException failure = catchThrowableOfType(RolloutPilotException.class, () -> pushes(TlsSettings.verified())
        .push(image.ociSource(), registry.authority() + "/team/noca:1"));
    assertThat(failure).hasMessageContaining("TLS").hasMessageContaining(registry.authority());
    assertThat(failure.hint()).contains(Hint.TRUST_PRIVATE_CA);
  }

  @Test
  void theRigsCaIsTrustedAndTheManifestBytesArriveUnchanged() throws Exception {
    PushResult result = pushes(withCa(certificate.certificate()))
        .push(image.ociSource(), registry.authority() + "/team/ca:1");

    assertThat(result.digest()).isEqualTo(image.root().digest().value());
    assertThat(new Skopeo().inspectRaw(registry, "team/ca:1", "AWS", PASSWORD)).isEqualTo(image.rootBytes());
  }

  @Test
  void aBundleWithOtherCasBesideTheRightOneIsTrusted() throws Exception {
    Path bundle = dir.resolve("bundle.pem");
    Files.writeString(bundle, "# private CAs\n" + Files.readString(stranger.certificate()) + "\n"
        + Files.readString(certificate.certificate()));

    PushResult result = pushes(withCa(bundle)).push(image.ociSource(), registry.authority() + "/team/bundle:1");
    assertThat(result.digest()).isEqualTo(image.root().digest().value());
  }

  @Test
  void aWrongCaStillFails() {
    RolloutPilotException failure = catchThrowableOfType(RolloutPilotException.class, () -> pushes(withCa(stranger.certificate()))
        .push(image.ociSource(), registry.authority() + "/team/wrong:1"));
    assertThat(failure).hasMessageContaining("TLS").hasMessageContaining(registry.authority());
  }

  @Test
  void theCaDoesNotLiftHostNameVerification() throws Exception {
    // a trusted certificate for another name only: the chain is fine, the host name is not
    Path certs = Files.createDirectories(dir.resolve("other-name"));
    Tools.run(List.of(Tools.require("openssl", "openssl").toString(), "req", "-x509", "-newkey", "rsa:2048",
        "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=registry.invalid",
        "-addext", "subjectAltName=DNS:registry.invalid"), certs, 60).requireSuccess("openssl req");
    TestCertificate otherName = new TestCertificate(certs.resolve("cert.pem"), certs.resolve("key.pem"), null, null);
    try (LocalRegistry misnamed = LocalRegistry.startTls(dir.resolve("misnamed"), otherName, "AWS", PASSWORD)) {
      RolloutPilotException failure = catchThrowableOfType(RolloutPilotException.class, () -> pushes(withCa(otherName.certificate()))
          .push(image.ociSource(), misnamed.authority() + "/team/hostname:1"));
      assertThat(failure).hasMessageContaining("TLS").hasMessageContaining(misnamed.authority())
          .hasMessageContaining("subject alternative");
    }
  }

  @Test
  void badFilesAreInvalidInputNamingTheOption() throws Exception {
    Path notPem = Files.write(dir.resolve("der.bin"), new byte[] {0x30, (byte) 0x82, 0x01, 0x00, 0x7f});
    Path keyOnly = Files.writeString(dir.resolve("key-only.pem"), Files.readString(certificate.key()));
    Path broken = Files.writeString(dir.resolve("broken.pem"),
        "-----BEGIN CERTIFICATE-----\nTUlJQm9ndXM=\n-----END CERTIFICATE-----\n");

    assertThatThrownBy(() -> withCa(dir.resolve("missing.pem"))).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("--ca-cert:").hasMessageContaining("not a readable file");
    assertThatThrownBy(() -> withCa(notPem)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("--ca-cert:").hasMessageContaining("not a PEM file");
    assertThatThrownBy(() -> withCa(keyOnly)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("--ca-cert:").hasMessageContaining("holds no certificate");
    assertThatThrownBy(() -> withCa(broken)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("--ca-cert:").hasMessageContaining("certificate 1");
  }
}
