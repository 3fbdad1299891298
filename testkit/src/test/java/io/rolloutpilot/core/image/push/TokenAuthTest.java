package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.image.oci.BasicCredentials;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryCredentials;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.image.oci.RegistryErrors;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.image.oci.TlsSettings;
import io.rolloutpilot.core.image.push.PushResult;
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
import io.rolloutpilot.testkit.registry.TokenServer;
import io.rolloutpilot.testkit.registry.TestCertificate;
import io.rolloutpilot.testkit.registry.TokenSigner;
import io.rolloutpilot.core.event.BlobMounted;

/**
 * docker-registry with {@code auth: token}: every request is answered with a Bearer challenge naming
 * the realm of a token service that checks the password and signs JWTs (RS256, certificate in the
 * registry's root bundle) granting exactly the scopes asked for. So a push works only when the client
 * asks for the right scopes: pull+push on the destination, and pull on the source of a mount.
 */
class TokenAuthTest {
  static final String USER = "ci-robot";
  static final String PASSWORD = "t0ken-Rig-Passw0rd-77";

  @TempDir
  static Path dir;
  static TestCertificate tls;
  static TokenServer tokens;
  static LocalRegistry registry;
  static TestImages.Layout image;

  @BeforeAll
  static void start() throws Exception {
    tls = TestCertificate.create(dir.resolve("tls"));
    TestCertificate signer = TestCertificate.create(dir.resolve("signer"));
    tokens = TokenServer.start(tls, TokenSigner.of(signer, new ObjectMapper()), USER, PASSWORD);
    registry = LocalRegistry.startTokenAuth(dir.resolve("registry"), tls, tokens, signer);
    image = TestImages.single(dir.resolve("img"), 31, 2, 64 * 1024, false, "v1");
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
    tokens.close();
  }

  private static Pushes pushes(String password) {
    CredentialsResolver credentials = authority -> RegistryCredentials.of(new BasicCredentials(USER, password));
    return new Pushes(new TlsSettings(tls.clientContext(), Set.of()), credentials);
  }

  private static List<List<String>> grantedScopes() {
    return tokens.requests().stream().filter(TokenServer.Request::granted).map(TokenServer.Request::scopes).toList();
  }

  @Test
  void pushAnswersTheBearerChallengeWithAPullPushToken() throws Exception {
    PushResult result = pushes(PASSWORD).push(image.ociSource(), registry.authority() + "/team/bearer:1");

    assertThat(result.digest()).isEqualTo(image.root().digest().value());
    assertThat(result.blobsUploaded()).isEqualTo(3);
    assertThat(new Skopeo().inspectRaw(registry, "team/bearer:1", USER, PASSWORD))
        .isEqualTo(image.rootBytes());
    assertThat(tokens.requests()).allMatch(r -> r.service().equals(TokenServer.SERVICE));
    assertThat(grantedScopes()).contains(List.of("repository:team/bearer:pull,push"));
  }

  @Test
  void promoteMountsAcrossRepositoriesWithASourcePullScope() throws Exception {
    Pushes pushes = pushes(PASSWORD);
    pushes.push(image.ociSource(), registry.authority() + "/team/source:1");

    PushResult promoted = pushes.push("docker://" + registry.authority() + "/team/source:1",
        registry.authority() + "/prod/app:1");

    assertThat(grantedScopes()).as("one token for the mount: push on the target, pull on the source")
        .contains(List.of("repository:prod/app:pull,push", "repository:team/source:pull"));
    assertThat(promoted.bytesUploaded()).as("the registry mounted every blob").isZero();
    assertThat(pushes.count(BlobMounted.class)).isEqualTo(3);
    assertThat(new Skopeo().inspectRaw(registry, "prod/app:1", USER, PASSWORD))
        .isEqualTo(image.rootBytes());
  }

  @Test
  void wrongPasswordIsUnauthorizedAndNoSecretShows() {
    String wrong = "wr0ng-T0ken-Passw0rd";
    Pushes pushes = pushes(wrong);
    RolloutPilotException failure = catchThrowableOfType(RolloutPilotException.class, () -> pushes.push(image.ociSource(),
        registry.authority() + "/team/denied:1"));

    assertThat(RegistryErrors.status(failure)).isEqualTo(401);
    assertThat(RegistryErrors.code(failure)).isEqualTo("UNAUTHORIZED");
    assertThat(failure.hint()).contains(Hint.CHECK_REGISTRY_CREDENTIALS);
    assertThat(tokens.requests()).anyMatch(r -> !r.granted());
    String everything = failure.getMessage() + failure.hint() + failure + pushes.events;
    assertThat(everything).doesNotContain(wrong).doesNotContain(PASSWORD)
        .doesNotContain(java.util.Base64.getEncoder().encodeToString((USER + ":" + wrong).getBytes()));
  }
}
