package io.rolloutpilot.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets in use are masked by value wherever they appear, including where no pattern would find them. */
class RedactionTest {
  private static final String TOKEN = "remembered-token-61c2e9";

  @Test
  @SuppressWarnings("try") // the resource is held for its scope only
  void aRememberedValueIsMaskedAnywhereUntilItIsForgotten() {
    String echoed = "forbidden: user with credentials " + TOKEN + " cannot get rollouts";
    assertThat(Redaction.redact(echoed)).contains(TOKEN);

    try (Redaction.Remembered remembered = Redaction.remember(List.of(TOKEN))) {
      assertThat(Redaction.redact(echoed)).isEqualTo("forbidden: user with credentials *** cannot get rollouts");
      assertThat(new UnauthorizedException(null, echoed).getMessage()).doesNotContain(TOKEN);
    }

    assertThat(Redaction.redact(echoed)).contains(TOKEN);
  }

  @Test
  void aValueRememberedTwiceStaysMaskedUntilBothHoldersForgetIt() {
    Redaction.Remembered first = Redaction.remember(List.of(TOKEN));
    Redaction.Remembered second = Redaction.remember(List.of(TOKEN));
    first.close();
    first.close();
    assertThat(Redaction.redact(TOKEN)).isEqualTo(Redaction.MASK);
    second.close();
    assertThat(Redaction.redact(TOKEN)).isEqualTo(TOKEN);
  }

  @Test
  @SuppressWarnings("try") // the resource is held for its scope only
  void shortAndMissingValuesAreNotRemembered() {
    try (Redaction.Remembered remembered = Redaction.remember(Arrays.asList(null, "", "abc", "default"))) {
      assertThat(Redaction.redact("namespace default, user abc")).isEqualTo("namespace default, user abc");
    }
  }
}
