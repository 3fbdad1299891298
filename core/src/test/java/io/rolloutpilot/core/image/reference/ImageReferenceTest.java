package io.rolloutpilot.core.image.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.InvalidInputException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference grammar of the OCI distribution spec, against hostile input: each is refused saying why. */
class ImageReferenceTest {
  static final String HEX64 = "0123456789abcdef".repeat(4);
  static final String HEX128 = HEX64 + HEX64;
  static final String PASSWORD = "Pl4nted-Passw0rd";

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("reg.io/app@sha256:abc", "has 3 hex digits; a sha256 digest has 64"),
        Arguments.of("reg.io/app@sha256:" + HEX64.substring(1), "has 63 hex digits"),
        Arguments.of("reg.io/app@sha256:" + HEX64 + "0", "has 65 hex digits"),
        Arguments.of("reg.io/app@sha256:" + HEX64.toUpperCase(), "must be lowercase hex digits"),
        Arguments.of("reg.io/app@SHA256:" + HEX64, "uses the algorithm 'SHA256'"),
        Arguments.of("reg.io/app@md5:" + HEX64.substring(0, 32), "uses the algorithm 'md5'"),
        Arguments.of("reg.io/app@sha1:" + HEX64.substring(0, 40), "uses the algorithm 'sha1'"),
        Arguments.of("reg.io/app@blake3:" + HEX64, "uses the algorithm 'blake3'"),
        Arguments.of("reg.io/app@sha512:" + HEX64, "has 64 hex digits; a sha512 digest has 128"),
        Arguments.of("reg.io/app@sha256:", "is not algorithm:hex"),
        Arguments.of("reg.io/app@sha256:" + HEX64 + "@sha256:" + HEX64, "is not algorithm:hex"),
        Arguments.of("reg.io/app@" + HEX64, "is not algorithm:hex"),
        Arguments.of("reg.io:0/app", "has the port '0'; a port is a number from 1 to 65535"),
        Arguments.of("reg.io:99999/app", "has the port '99999'"),
        Arguments.of("reg.io:65536/app", "has the port '65536'"),
        Arguments.of("reg.io:123456789012/app", "has the port '123456789012'"),
        Arguments.of("reg.io:-1/app", "has the port '-1'"),
        Arguments.of("reg.io:/app", "has the port ''"),
        Arguments.of("reg.io:80:80/app", "is not host[:port]"),
        Arguments.of("-reg.io/app", "is not a valid host name"),
        Arguments.of("reg..io/app", "is not a valid host name"),
        Arguments.of("reg_io.com/app", "is not a valid host name"),
        Arguments.of("[zz::1]:5000/app", "is not a valid host name"),
        Arguments.of("a".repeat(64) + ".io/app", "is not a valid host name"),
        Arguments.of("reg.io/a//b", "has an empty path component"),
        Arguments.of("reg.io/a/", "has an empty path component"),
        Arguments.of("reg.io//a", "has an empty path component"),
        Arguments.of("reg.io/", "names no repository"),
        Arguments.of("reg.io/team/App", "path component 'App' is not valid: use lowercase"),
        Arguments.of("reg.io/a..b", "path component 'a..b' is not valid"),
        Arguments.of("reg.io/a-", "path component 'a-' is not valid"),
        Arguments.of("reg.io/" + "a".repeat(249), "is 256 characters long; at most 255"),
        Arguments.of("reg.io/" + "a/".repeat(200) + "a", "characters long; at most 255"),
        Arguments.of("x".repeat(5000), "is 5000 characters long"),
        Arguments.of("reg.io/app:" + "t".repeat(129), "is not valid: use letters"),
        Arguments.of("reg.io/app:.hidden", "the tag '.hidden' is not valid"),
        Arguments.of("reg.io/app:", "the tag '' is not valid"),
        Arguments.of("reg.io/app:v1\n", "the tag 'v1\\u000a' is not valid"),
        Arguments.of("reg.io/app:v1\u001b[31m", "'v1\\u001b[31m' is not valid"),
        Arguments.of("https://reg.io/app", "a reference has no scheme"));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostileReferencesAreRefusedSayingWhy(String text, String fragment) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ImageReference.parse("image", text));
    assertThat(e).as(text).isNotNull();
    assertThat(e.field()).isEqualTo("image");
    assertThat(e.getMessage()).startsWith("image: ").contains(fragment).hasSizeLessThan(600);
  }

  static Stream<String> withCredentials() {
    return Stream.of("pusher7:" + PASSWORD + "@reg.io/team/app", "pusher7:" + PASSWORD + "@reg.io:5000/team/app:1",
      "pusher7:" + PASSWORD + "@reg.io", "pusher7:" + PASSWORD + "@reg.io:5000", "pusher7:" + PASSWORD + "@localhost:5000",
      "pusher7:" + PASSWORD + "@127.0.0.1:5000/app@sha256:" + HEX64, "https://pusher7:" + PASSWORD + "@reg.io/app",
      "pusher7:p@" + PASSWORD + "@reg.io/app", "pusher7:" + PASSWORD + "/x@reg.io/app", "pusher7@reg.io/app");
  }

  @ParameterizedTest
  @MethodSource("withCredentials")
  void credentialsInAReferenceAreRefusedWithoutRepeatingThem(String text) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ImageReference.parse("to", text));
    assertThat(e).as(text).isNotNull();
    assertThat(e.field()).isEqualTo("to");
    assertThat(e.problem()).contains("credentials do not belong in an image reference");
    assertThat(e.hint()).contains(Hint.CREDENTIALS_NOT_IN_REFERENCE);
    assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain("pusher7");
  }

  static Stream<String> withAnAt() {
    return Stream.of("reg.io/app:1@md5:" + PASSWORD, "reg.io/" + PASSWORD.toLowerCase() + "x@sha256:abc");
  }

  @ParameterizedTest
  @MethodSource("withAnAt")
  void aReferenceWithAnAtIsNeverQuotedWhole(String text) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ImageReference.parse("image", text));
    assertThat(e.getMessage()).startsWith("image: the reference is not a valid image reference")
        .doesNotContain("reg.io/");
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("nginx", new ImageReference(null, "nginx", null, null)),
        Arguments.of("reg.io:1/a", new ImageReference("reg.io:1", "a", null, null)),
        Arguments.of("reg.io:65535/a", new ImageReference("reg.io:65535", "a", null, null)),
        Arguments.of("[::1]:5000/a/b", new ImageReference("[::1]:5000", "a/b", null, null)),
        Arguments.of("localhost/a__b-c.d/e---f:V_1.0-x", new ImageReference("localhost", "a__b-c.d/e---f", "V_1.0-x",
            null)),
        Arguments.of("reg.io/app:" + "t".repeat(128), new ImageReference("reg.io", "app", "t".repeat(128), null)),
        Arguments.of("reg.io/" + "a".repeat(248), new ImageReference("reg.io", "a".repeat(248), null, null)),
        Arguments.of("reg.io/app:1@sha256:" + HEX64, new ImageReference("reg.io", "app", "1", "sha256:" + HEX64)),
        Arguments.of("app@sha512:" + HEX128, new ImageReference(null, "app", null, "sha512:" + HEX128)),
        Arguments.of("a".repeat(63) + ".io/app", new ImageReference("a".repeat(63) + ".io", "app", null, null)),
        Arguments.of("user:tag@sha256:" + HEX64, new ImageReference(null, "user", "tag", "sha256:" + HEX64)));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void theFullGrammarIsAccepted(String text, ImageReference expected) {
    assertThat(ImageReference.parse("image", text)).isEqualTo(expected);
    assertThat(expected.toString()).isEqualTo(text);
  }
}
