package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rolloutpilot.cli.common.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers too large, negative or not numbers at all, durations past their limit, files that cannot be
 * written or applied: exit 2 naming the option (and the file), never a NumberFormatException, a generic
 * conversion message or an internal error, and for {@code sandbox} before anything starts.
 */
class NumbersAndFilesTest {
  private static SandboxFixture fixture;
  private static String name;
  private static Path dir;

  @BeforeAll
  static void start() throws IOException {
    dir = SandboxFixture.tempDir();
    fixture = new SandboxFixture(dir);
    name = fixture.rollout("numbers", SandboxFixture.TIMED);
    Files.writeString(dir.resolve("no-kind.yaml"), "apiVersion: v1\nmetadata:\n  name: x\n");
    Files.writeString(dir.resolve("second-no-kind.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nmetadata:\n  name: b\n");
    Files.writeString(dir.resolve("not-yaml.yaml"), "kind: [unclosed\n  - : :\n");
    Files.createDirectories(dir.resolve("a-folder"));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static Arguments of(List<String> args, String... messages) {
    return Arguments.of(args, List.of(messages));
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        of(List.of("undo", "ROLLOUT", "--to-revision", "99999999999999999999"),
            "error: --to-revision: '99999999999999999999' is not a revision"),
        of(List.of("undo", "ROLLOUT", "--to-revision", "-3"), "error: --to-revision: '-3' is not a revision"),
        of(List.of("status", "ROLLOUT", "--watch", "--timeout", "99999999999999999999s"), "error: --timeout:"),
        of(List.of("status", "ROLLOUT", "--watch", "--max-outage", "soon"),
            "error: --max-outage: 'soon' is not a duration"),
        of(List.of("deploy", "ROLLOUT", "--image", "registry.example.com/x:2", "--max-outage", "99999h"),
            "error: --max-outage:"),
        of(List.of("analyze", "ROLLOUT", "--analysis-runs", "--max-outage", "-1s"), "error: --max-outage:"),
        of(List.of("sandbox", "--port", "99999999999"), "error: --port: '99999999999' is not a port; use 1-65535"),
        of(List.of("sandbox", "--port", "-1"), "error: --port: '-1' is not a port"),
        of(List.of("sandbox", "--port", "65536"), "error: --port: '65536' is not a port"),
        of(List.of("sandbox", "--port", "http"), "error: --port: 'http' is not a port"),
        of(List.of("sandbox", "--kubeconfig-out", "DIR/a-folder"), "error: --kubeconfig-out:", "is a directory"),
        of(List.of("sandbox", "--kubeconfig-out", "DIR/missing/kubeconfig"), "error: --kubeconfig-out: the folder of",
            "does not exist"),
        of(List.of("sandbox", "--kubeconfig-out", "/proc/rollout-pilot-kubeconfig"), "error: --kubeconfig-out:",
            "cannot be written"),
        of(List.of("sandbox", "--apply", "DIR/no-kind.yaml"), "error: --apply: '",
            "no-kind.yaml': document 1 has no kind"),
        of(List.of("sandbox", "--apply", "DIR/second-no-kind.yaml"), "second-no-kind.yaml': document 2 has no kind"),
        of(List.of("sandbox", "--apply", "DIR/not-yaml.yaml"), "error: --apply: '",
            "not-yaml.yaml' is not valid YAML"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badNumbersAndFilesExitTwoNamingTheOption(List<String> args, List<String> messages) {
    Function<String, String> fill = a -> a.equals("ROLLOUT") ? name : a.replace("DIR", dir.toString());
    String[] filled = args.stream().map(fill).toArray(String[]::new);

    // a sandbox that wrongly starts would run until stopped: the preemptive timeout fails the test instead
    Cli.Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> args.get(0).equals("sandbox")
        ? Cli.run(filled) : fixture.cli(filled));

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(messages).doesNotContain("NumberFormatException", "internal error",
        "Invalid value for option");
    assertThat(run.out()).doesNotContain("sandbox ready");
  }
}
