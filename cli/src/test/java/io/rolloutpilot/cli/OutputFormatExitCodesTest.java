package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.cli.common.ExitCodes;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit code says what happened, whatever the output format: every rollout command scenario exits
 * the same with and without {@code -o json}. A scenario that changes the rollout gets a fresh one for
 * each format; one that only reads shares it.
 */
class OutputFormatExitCodesTest {
  private static final String IMAGE = "registry.example.com/formats:2.0.0";
  private static SandboxFixture fixture;
  private static Path unreachable;

  @BeforeAll
  static void start() throws Exception {
    Path dir = SandboxFixture.tempDir();
    fixture = new SandboxFixture(dir);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    unreachable = Files.writeString(dir.resolve("unreachable"), Files.readString(fixture.kubeconfig())
        .replace(fixture.sandbox().url().replaceAll("/$", ""), "http://127.0.0.1:" + port));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** @param prepare makes the rollout the scenario needs and returns the command's arguments */
  record Scenario(String name, Function<SandboxFixture, List<String>> prepare, int exit, boolean changes) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String healthy(SandboxFixture f) {
    return f.rollout("formats", SandboxFixture.TIMED);
  }

  private static String paused(SandboxFixture f) {
    String name = f.rollout("formats", SandboxFixture.GATED);
    f.cli("deploy", name, "--image", IMAGE, "--wait", "paused");
    return name;
  }

  private static String degraded(SandboxFixture f) {
    String name = f.rollout("formats", SandboxFixture.TIMED);
    f.cli("deploy", name, "--image", "registry.example.com/formats:2.0.0-bad");
    f.awaitStatus(name, s -> s.path("phase").asText().equals("Degraded"));
    return name;
  }

  private static Scenario reads(String name, Function<SandboxFixture, String> rollout, int exit, String... args) {
    return new Scenario(name, f -> with(rollout.apply(f), args), exit, false);
  }

  private static Scenario changes(String name, Function<SandboxFixture, String> rollout, int exit, String... args) {
    return new Scenario(name, f -> with(rollout.apply(f), args), exit, true);
  }

  private static List<String> with(String rollout, String... args) {
    List<String> all = new ArrayList<>();
    for (String arg : args) {
      all.add(arg.equals("ROLLOUT") ? rollout : arg);
    }
    return all;
  }

  static Stream<Scenario> scenarios() {
    return Stream.of(
        reads("status of a Healthy rollout", OutputFormatExitCodesTest::healthy, 0, "status", "ROLLOUT"),
        reads("status of a Paused rollout", OutputFormatExitCodesTest::paused, 0, "status", "ROLLOUT"),
        reads("status of a Degraded rollout", OutputFormatExitCodesTest::degraded, 1, "status", "ROLLOUT"),
        reads("status --watch of a Healthy rollout", OutputFormatExitCodesTest::healthy, 0, "status", "ROLLOUT",
            "--watch"),
        reads("status --watch of a Degraded rollout", OutputFormatExitCodesTest::degraded, 1, "status", "ROLLOUT",
            "--watch"),
        reads("status --watch timed out at a pause", OutputFormatExitCodesTest::paused, 1, "status", "ROLLOUT",
            "--watch", "--timeout", "1s"),
        reads("status --until paused at a pause", OutputFormatExitCodesTest::paused, 0, "status", "ROLLOUT",
            "--until", "paused"),
        reads("status of a rollout that does not exist", f -> "missing", 3, "status", "ROLLOUT"),
        reads("status --watch of a rollout that does not exist", f -> "missing", 3, "status", "ROLLOUT", "--watch"),
        reads("status with an invalid name", f -> "Bad_Name", 2, "status", "ROLLOUT"),
        changes("deploy to Healthy", OutputFormatExitCodesTest::healthy, 0, "deploy", "ROLLOUT", "--image", IMAGE),
        changes("deploy whose analysis fails", OutputFormatExitCodesTest::healthy, 1, "deploy", "ROLLOUT", "--image",
            "registry.example.com/formats:2.0.0-bad"),
        changes("deploy that times out", f -> f.rollout("formats", SandboxFixture.GATED), 1, "deploy", "ROLLOUT",
            "--image", IMAGE, "--timeout", "2s"),
        changes("deploy --wait paused", f -> f.rollout("formats", SandboxFixture.GATED), 0, "deploy", "ROLLOUT",
            "--image", IMAGE, "--wait", "paused"),
        changes("deploy --wait none", OutputFormatExitCodesTest::healthy, 0, "deploy", "ROLLOUT", "--image", IMAGE,
            "--wait", "none"),
        changes("deploy to a container that does not exist", OutputFormatExitCodesTest::healthy, 3, "deploy",
            "ROLLOUT", "--image", "web=" + IMAGE),
        reads("undo with nothing to go back to", OutputFormatExitCodesTest::healthy, 3, "undo", "ROLLOUT"),
        reads("undo to a revision that does not exist", OutputFormatExitCodesTest::healthy, 3, "undo", "ROLLOUT",
            "--to-revision", "42"),
        changes("undo to the previous revision", OutputFormatExitCodesTest::paused, 0, "undo", "ROLLOUT"),
        changes("promote at a pause", OutputFormatExitCodesTest::paused, 0, "promote", "ROLLOUT"),
        changes("abort at a pause", OutputFormatExitCodesTest::paused, 0, "abort", "ROLLOUT"),
        changes("pause", OutputFormatExitCodesTest::healthy, 0, "pause", "ROLLOUT"),
        changes("resume", OutputFormatExitCodesTest::healthy, 0, "resume", "ROLLOUT"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void textAndJsonExitTheSame(Scenario scenario) {
    List<String> shared = scenario.changes() ? null : scenario.prepare().apply(fixture);
    List<Integer> exits = new ArrayList<>();
    for (String format : List.of("text", "json")) {
      List<String> args = new ArrayList<>(shared != null ? shared : scenario.prepare().apply(fixture));
      args.addAll(List.of("-o", format));
      if (args.get(0).equals("status") || args.get(0).equals("deploy")) {
        args.addAll(args.contains("--timeout") ? List.of() : List.of("--timeout", "30s"));
      }

      Cli.Run run = Cli.run(fixture.kubeconfig(), args.toArray(String[]::new));

      exits.add(run.exit());
      assertThat(run.exit()).as(scenario + " (" + format + "): " + run).isEqualTo(scenario.exit());
      if (format.equals("json") && run.exit() <= ExitCodes.RELEASE_FAILED) {
        run.json(); // a result on stdout is one JSON document, failures included
      }
    }
    assertThat(exits.get(0)).isEqualTo(exits.get(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreachableCommands")
  void anUnreachableClusterExitsThreeInBothFormats(List<String> args) {
    for (String format : List.of("text", "json")) {
      List<String> all = new ArrayList<>(args);
      all.addAll(List.of("-o", format));
      Cli.Run run = Cli.run(unreachable, all.toArray(String[]::new));
      assertThat(run.exit()).as(format + ": " + run).isEqualTo(ExitCodes.ENVIRONMENT);
    }
  }

  static Stream<Arguments> unreachableCommands() {
    return Stream.of(Arguments.of(List.of("status", "guestbook")),
        Arguments.of(List.of("status", "guestbook", "--watch", "--timeout", "10s")),
        Arguments.of(List.of("deploy", "guestbook", "--image", IMAGE)));
  }
}
