package io.rolloutpilot.core.image.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.error.RolloutPilotException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A registry's answer that echoes the request's credentials is quoted without them, in every form. */
class RegistryErrorsTest {
  static final String PASSWORD = "Pl4nted~Pw.47/11";
  static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(("pusher:" + PASSWORD)
      .getBytes(StandardCharsets.UTF_8));
  static final String TOKEN = "opaque.planted.registry.token.4711";
  static final String BEARER = "Bearer " + TOKEN;

  static Stream<Arguments> echoes() {
    return Stream.of(
        Arguments.of(BASIC, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"denied for Authorization: " + BASIC
            + "\"}]}"),
        Arguments.of(BASIC, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"credential "
            + BASIC.substring(6) + " has no access\"}]}"),
        Arguments.of(BASIC, "access denied for pusher:" + PASSWORD + " (" + BASIC + ")"),
        Arguments.of(BASIC, "<html>wrong password '" + PASSWORD + "'</html>"),
        Arguments.of(BEARER, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"token " + TOKEN + " expired\"}]}"),
        Arguments.of(BEARER, "403 Forbidden: " + BEARER.toLowerCase().replace("bearer", "Token") + " / " + TOKEN));
  }

  @ParameterizedTest
  @MethodSource("echoes")
  void credentialsEchoedInAnAnswerAreNeverQuoted(String authorization, String body) {
    RolloutPilotException e = new RegistryErrors(new ObjectMapper()).from("reg.example:5000",
        "PUT /v2/team/app/manifests/1", 403, body.getBytes(StandardCharsets.UTF_8),
        RegistryErrors.secretForms(authorization));

    assertThat(e.getMessage()).contains("reg.example:5000 answered 403").doesNotContain(PASSWORD)
        .doesNotContain(TOKEN).doesNotContain(BASIC.substring(6));
  }

  @org.junit.jupiter.api.Test
  void aHugeOrControlCharacterMessageIsShortenedAndCleaned() {
    String body = "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"" + "\\u001b[2J".repeat(3) + "x".repeat(5000)
        + "\"}]}";
    RolloutPilotException e = new RegistryErrors(new ObjectMapper()).from("r", "GET /v2/", 403,
        body.getBytes(StandardCharsets.UTF_8));
    assertThat(e.getMessage()).doesNotContain("\u001b").hasSizeLessThan(500);
  }
}
