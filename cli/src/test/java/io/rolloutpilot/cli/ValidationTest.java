package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.rolloutpilot.cli.common.ExitCodes;

/** Bad input exits 2 with a message naming the field and what is allowed, and changes nothing. */
class ValidationTest {
  private static SandboxFixture fixture;
  private static String name;

  @BeforeAll
  static void start() {
    fixture = new SandboxFixture(SandboxFixture.tempDir());
    name = fixture.rollout("valid", SandboxFixture.TIMED);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static Stream<Arguments> badInput() {
    String good = "registry.example.com/x:2.0.0";
    return Stream.of(
        Arguments.of(new String[] {"status", "Bad_Name"}, "error: ROLLOUT: 'Bad_Name' is not a valid name",
            "DNS-1123"),
        Arguments.of(new String[] {"deploy", "-n", "Team_A", "ROLLOUT", "--image", good},
            "error: --namespace: 'Team_A' is not a valid name", "DNS-1123 label"),
        Arguments.of(new String[] {"deploy", "ROLLOUT", "--image", "Registry/App:1"},
            "error: --image: 'Registry/App:1' is not a valid image reference", "lowercase"),
        Arguments.of(new String[] {"deploy", "ROLLOUT", "--image", "x:tag with space"},
            "error: --image:", "the tag"),
        Arguments.of(new String[] {"deploy", "ROLLOUT", "--image", "App=" + good},
            "error: --image CONTAINER: 'App' is not a valid name", "DNS-1123"),
        Arguments.of(new String[] {"deploy", "ROLLOUT", "--image", good, "--timeout", "10y"},
            "error: --timeout: '10y' is not a duration", "30s, 5m, 1h30m"),
        Arguments.of(new String[] {"deploy", "ROLLOUT", "--image", good, "--degraded-grace", "soon"},
            "error: --degraded-grace: 'soon' is not a duration", "ms, s, m or h"),
        Arguments.of(new String[] {"deploy", "ROLLOUT", "--image", good, "--wait", "forever"},
            "error: --wait: 'forever' is not allowed", "healthy, paused or none"),
        Arguments.of(new String[] {"status", "ROLLOUT", "--until", "done"},
            "error: --until: 'done' is not allowed", "healthy or paused"),
        Arguments.of(new String[] {"status", "ROLLOUT", "-o", "yaml"},
            "error: --output: 'yaml' is not an output format", "text or json"),
        Arguments.of(new String[] {"undo", "ROLLOUT", "--to-revision", "two"},
            "error: --to-revision: 'two' is not a revision", "0 for the previous revision"),
        Arguments.of(new String[] {"promote", "ROLLOUT", "--fast"}, "error: Unknown option: '--fast'", "--help"),
        Arguments.of(new String[] {"deploy", "ROLLOUT"}, "error: Missing required option: '--image", "--help"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void badInputExitsTwoNamingTheFieldAndChangesNothing(String[] args, String message, String allowed) {
    JsonNode before = fixture.status(name);
    String[] withName = Stream.of(args).map(a -> a.equals("ROLLOUT") ? name : a).toArray(String[]::new);

    Cli.Run run = fixture.cli(withName);

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(message, allowed);
    assertThat(run.out()).isEmpty();
    JsonNode after = fixture.status(name);
    assertThat(after.path("generation")).isEqualTo(before.path("generation"));
    assertThat(after.path("stableImages")).isEqualTo(before.path("stableImages"));
  }

  @Test
  void helpExitsZero() {
    Cli.Run run = Cli.run("deploy", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("--image", "--wait", "--degraded-grace", "--kubeconfig", "--namespace");
  }
}
