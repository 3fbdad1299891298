package io.rolloutpilot.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.image.reference.ImageReference;

class ValidationTest {
  @ParameterizedTest
  @ValueSource(strings = {"Guestbook", "-app", "app-", "a_b", "", "a.b"})
  void namespacesMustBeDnsLabels(String name) {
    assertThatThrownBy(() -> Names.requireLabel("namespace", name)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("namespace: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"721h", "2592001", "99999999999999999999s", "9223372036854775807",
      "100000000000000000000000000000000000000000000000000h"})
  void durationsAboveTheMaximumAreRefusedNotOverflowed(String text) {
    assertThatThrownBy(() -> Durations.parse("timeout", text)).isInstanceOf(InvalidInputException.class)
        .hasMessage("timeout: '" + text + "' is longer than the longest duration allowed, 720h");
  }

  @ParameterizedTest
  @CsvSource({"720h, 2592000000", "2592000, 2592000000"})
  void theMaximumItselfIsAccepted(String text, long millis) {
    assertThat(Durations.parse("timeout", text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"guestbook", "a.b-c", "x1"})
  void rolloutNamesMayBeSubdomains(String name) {
    assertThat(Names.requireSubdomain("rollout", name)).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource({"30, 30000", "30s, 30000", "5m, 300000", "1h30m, 5400000", "250ms, 250", "1.5s, 1500",
      "1500us, 1.5", "2000000ns, 2"})
  void durations(String text, double millis) {
    assertThat(Durations.parse("timeout", text)).isEqualTo(Duration.ofNanos(Math.round(millis * 1e6)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5 minutes", "-1s", "1d", "abc", " ", "\u0663\u0660", "3\u0660s", "+30", "1e3s"})
  void badDurationsNameTheField(String text) {
    assertThatThrownBy(() -> Durations.parse("timeout", text)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("timeout").hasMessageContaining("30s");
  }

  @ParameterizedTest
  @CsvSource({"1h30m, 5400000", "45s, 45000", "250ms, 250"})
  void formatsDurationsAsUsersWriteThem(String text, long millis) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "nginx | | nginx | |",
      "registry.example.com:5000/team/app:1.2.3 | registry.example.com:5000 | team/app | 1.2.3 |",
      "localhost/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | localhost | app | |"
          + " sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/cart:v2 | 123456789012.dkr.ecr.eu-west-1.amazonaws.com"
          + " | shop/cart | v2 |"})
  void imageReferences(String text, String registry, String repository, String tag, String digest) {
    assertThat(ImageReference.parse("image", text)).isEqualTo(new ImageReference(registry, repository, tag, digest));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Nginx:1", "app:", "app@sha256:xyz", "reg.io//app", "app:bad tag", ""})
  void badImageReferencesSayWhy(String text) {
    assertThatThrownBy(() -> ImageReference.parse("image", text)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("image: ");
  }
}
