package io.rolloutpilot.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.cli.Cli;
import io.rolloutpilot.testkit.prometheus.ScriptedPrometheus;
import io.rolloutpilot.testkit.prometheus.ScriptedPrometheus.Reply;
import io.rolloutpilot.testkit.prometheus.StallingPrometheus;
import io.rolloutpilot.testkit.prometheus.StallingPrometheus.Stall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code analyze} under hostile input: spec files, URLs, hashes, start times, a Prometheus that answers
 * nonsense, echoes the credentials or stalls. Each case runs with text and with JSON output and must end
 * with the same exit code and say the same thing, never with a crash, a hang or a secret on the screen.
 * The secrets are planted in the environment by cli/pom.xml; every one of them contains {@value #PLANTED}.
 */
class AnalyzeHostileInputTest {
  private static final String PLANTED = "S3CR3T";
  private static final String TOKEN_VARIABLE = "ROLLOUT_PILOT_TEST_TOKEN";
  private static final String SPEC = String.join("\n",
      "window: { duration: 30m, step: 1m }",
      "selectors: { canary: 'h=\"{{canaryHash}}\"', baseline: 'h=\"{{stableHash}}\"' }",
      "metrics:",
      "  - { name: p99, query: 'SCENARIO{ {{selector}} }', margin: { ratio: 0.1 }, critical: true }",
      "");

  private static Path dir;
  private static ScriptedPrometheus scripted;
  private static StallingPrometheus dripping;
  private static StallingPrometheus silent;

  /** One hostile input: the arguments after {@code analyze}, the exit code and what the output must say. */
  record Case(String name, int exit, String says, List<String> args, Duration within) {
    static Case of(String name, int exit, String says, String... args) {
      return new Case(name, exit, says, List.of(args), Duration.ofSeconds(60));
    }

    Case within(Duration limit) {
      return new Case(name, exit, says, args, limit);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    assertThat(System.getenv(TOKEN_VARIABLE)).as("the planted token; run through Maven (cli/pom.xml plants it)")
        .contains(PLANTED);
    dir = Files.createTempDirectory("analyze-hostile");
    scripted = ScriptedPrometheus.start(AnalyzeHostileInputTest::answer);
    dripping = StallingPrometheus.start(Stall.DRIP_BODY, Duration.ofSeconds(2));
    silent = StallingPrometheus.start(Stall.HEADERS_THEN_NOTHING, Duration.ofSeconds(2));
    writeSpecs();
  }

  @AfterAll
  static void stop() throws Exception {
    scripted.close();
    dripping.close();
    silent.close();
  }

  /** What the scripted Prometheus answers, by the scenario the query names. */
  private static Reply answer(Map<String, String> form) {
    String query = form.getOrDefault("query", "");
    String token = System.getenv(TOKEN_VARIABLE);
    if (query.startsWith("infinite")) {
      return ScriptedPrometheus.matrix(form, i -> "+Inf");
    }
    if (query.startsWith("text")) {
      return ScriptedPrometheus.matrix(form, i -> "abc");
    }
    if (query.startsWith("scalar")) {
      return Reply.json("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"1\"]}}");
    }
    if (query.startsWith("refused")) {
      return new Reply(401, "text/plain", "Unauthorized: Authorization: Bearer " + token + " is not valid");
    }
    if (query.startsWith("echoed")) {
      return new Reply(400, "application/json", "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
          + "\"no such metric; token=" + token + "\"}");
    }
    return ScriptedPrometheus.matrix(form, i -> String.valueOf(0.1 + (i % 7) * 0.001));
  }

  private static void writeSpecs() throws Exception {
    for (String scenario : List.of("healthy", "infinite", "text", "scalar")) {
      spec(scenario, SPEC.replace("SCENARIO", scenario));
    }
    String bearer = "prometheus: { url: '" + scripted.url() + "', auth: bearer, tokenEnv: " + TOKEN_VARIABLE + " }\n";
    spec("refused", bearer + SPEC.replace("SCENARIO", "refused"));
    spec("echoed", bearer + SPEC.replace("SCENARIO", "echoed"));
    spec("no-window", SPEC.replace("window: { duration: 30m, step: 1m }\n", ""));
    spec("no-selectors", SPEC.replace("selectors: { canary: 'h=\"{{canaryHash}}\"', baseline: 'h=\"{{stableHash}}\"' }\n", ""));
    spec("duplicate-key", "window: { duration: 5m }\n" + SPEC);
    spec("second-document", SPEC + "---\nalpha: 0.2\n");
    spec("huge-minSamples", SPEC.replace("critical: true", "critical: true, minSamples: 99999999999999999999"));
    spec("infinite-alpha", SPEC + "alpha: 1e400\n");
    spec("nanosecond-step", SPEC.replace("step: 1m", "step: 1ns"));
    spec("ftp-url", "prometheus: { url: 'ftp://prometheus:21' }\n" + SPEC);
    spec("token-in-spec", "prometheus: { url: 'http://p:9090', auth: bearer, tokenEnv: 'planted-S3CR3T.x' }\n" + SPEC);
    spec("unset-token", "prometheus: { url: 'http://p:9090', auth: bearer, tokenEnv: plantedS3CR3Tname }\n" + SPEC);
    spec("unusable-token", "prometheus: { url: '" + scripted.url() + "', auth: bearer, tokenEnv:"
        + " ROLLOUT_PILOT_TEST_BAD_TOKEN }\n" + SPEC.replace("SCENARIO", "healthy"));
    Files.write(dir.resolve("huge.yaml"), new byte[(1 << 20) + 1]);
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("fifo.yaml").toString()).inheritIO().start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
  }

  private static void spec(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name + ".yaml"), text);
  }

  static Stream<Case> cases() {
    return Stream.of(
        Case.of("a spec without window", 2, "error: spec.window: is required", "{spec:no-window}"),
        Case.of("a spec without selectors", 2, "error: spec.selectors: is required", "{spec:no-selectors}"),
        Case.of("a duplicate key", 2, "error: spec.window: is given twice", "{spec:duplicate-key}"),
        Case.of("a second document", 2, "error: --spec: holds more than one YAML document",
            "{spec:second-document}"),
        Case.of("a FIFO as spec", 2, "fifo.yaml' is not a regular file", "{file:fifo.yaml}"),
        Case.of("a directory as spec", 2, "' is a directory", "{file:.}"),
        Case.of("a huge spec", 2, "is larger than 1024 KiB", "{file:huge.yaml}"),
        Case.of("minSamples beyond int", 2, "error: spec.metrics[0].minSamples: '99999999999999999999' is too large",
            "{spec:huge-minSamples}"),
        Case.of("alpha 1e400", 2, "error: spec.alpha: must be a finite number", "{spec:infinite-alpha}"),
        Case.of("a 1ns step", 2, "error: spec.window.step: must be at least 1ms", "{spec:nanosecond-step}"),
        Case.of("a file: URL", 2, "error: --prometheus: 'file:///etc/passwd' is not an http(s) URL",
            "{spec:healthy}", "--prometheus", "file:///etc/passwd"),
        Case.of("an ftp: URL", 2, "is not an http(s) URL", "{spec:healthy}", "--prometheus", "ftp://p:21"),
        Case.of("a jar: URL", 2, "is not an http(s) URL", "{spec:healthy}", "--prometheus", "jar:http://p/x!/y"),
        Case.of("a URL without scheme", 2, "is not an http(s) URL", "{spec:healthy}", "--prometheus", "prometheus:9090"),
        Case.of("a URL without host", 2, "has no host", "{spec:healthy}", "--prometheus", "http:///api"),
        Case.of("port 0", 2, "ports are 1 to 65535", "{spec:healthy}", "--prometheus", "http://127.0.0.1:0"),
        Case.of("port 65536", 2, "ports are 1 to 65535", "{spec:healthy}", "--prometheus", "http://127.0.0.1:65536"),
        Case.of("a password in the URL", 2, "error: --prometheus: must not carry user info", "{spec:healthy}",
            "--prometheus", "http://ci:planted-S3CR3T@127.0.0.1:9090"),
        Case.of("a password with a space in the URL", 2, "error: --prometheus:", "{spec:healthy}",
            "--prometheus", "http://ci:planted S3CR3T@127.0.0.1:9090"),
        Case.of("an ftp: URL in the spec", 2, "error: spec.prometheus.url: 'ftp://prometheus:21' is not an http(s)"
            + " URL", "{spec:ftp-url}"),
        Case.of("an empty canary hash", 2, "error: --canary-hash: must not be empty", "{spec:healthy}", "--prometheus", "{prom}",
            "--canary-hash", ""),
        Case.of("a quoted canary hash", 2, "is not a pod template hash", "{spec:healthy}", "--prometheus", "{prom}", "--canary-hash",
            "\"abc\""),
        Case.of("PromQL in the canary hash", 2, "error: --canary-hash: 'x\"} or vector(1) #' is not a pod template"
            + " hash", "{spec:healthy}", "--prometheus", "{prom}", "--canary-hash", "x\"} or vector(1) #"),
        Case.of("PromQL in the stable hash", 2, "error: --stable-hash:", "{spec:healthy}", "--prometheus", "{prom}", "--stable-hash",
            "x'} or vector(1) #"),
        Case.of("a line break in the hash", 2, "'abc\\nPASSED' is not a pod template hash", "{spec:healthy}", "--prometheus", "{prom}",
            "--canary-hash", "abc\nPASSED"),
        Case.of("a start in the future", 2, "error: --since: 2999-01-01T00:00:00Z is in the future",
            "{spec:healthy}", "--prometheus", "{prom}", "--since", "2999-01-01T00:00:00Z"),
        Case.of("a start in 1970", 2, "error: --since: 1970-01-01T00:00:00Z is more than 30 days ago",
            "{spec:healthy}", "--prometheus", "{prom}", "--since", "1970-01-01T00:00:00Z"),
        Case.of("non-ASCII digits in --since", 2, "error: --since: '３０m' is neither", "{spec:healthy}", "--prometheus", "{prom}",
            "--since", "３０m"),
        Case.of("a token in place of tokenEnv", 2, "error: spec.prometheus.tokenEnv: is not an environment variable",
            "{spec:token-in-spec}"),
        Case.of("tokenEnv naming no set variable", 2, "error: spec.prometheus.tokenEnv: the environment variable it"
            + " names", "{spec:unset-token}"),
        Case.of("a token that cannot go in a header", 2, "error: spec.prometheus.tokenEnv: the token cannot go in an"
            + " HTTP header", "{spec:unusable-token}", "--prometheus", "{prom}"),
        Case.of("a healthy canary", 0, "PASSED - score 100.00", "{spec:healthy}", "--prometheus", "{prom}"),
        Case.of("every sample +Inf", 4, "INCONCLUSIVE - critical metric p99 is INCONCLUSIVE: 31 canary and 31"
            + " baseline samples were infinite", "{spec:infinite}", "--prometheus", "{prom}"),
        Case.of("a sample that is not a number", 3, "ERROR - p99: sample value 'abc' is not a number",
            "{spec:text}", "--prometheus", "{prom}"),
        Case.of("a scalar for a range query", 3, "ERROR - p99: expected a matrix result, got resultType 'scalar'",
            "{spec:scalar}", "--prometheus", "{prom}"),
        Case.of("a 401 echoing the token", 3, "ERROR - p99: HTTP 401: the credentials were refused",
            "{spec:refused}"),
        Case.of("a 400 echoing the token", 3, "ERROR - p99: HTTP 400 bad_data: no such metric; token=***",
            "{spec:echoed}"),
        Case.of("a body dripping a byte every 2s", 1, "TIMED_OUT - deadline 3s reached while waiting for Prometheus"
            + " query_range", "{spec:healthy}", "--prometheus", "{dripping}", "--timeout", "3s")
            .within(Duration.ofMillis(5500)),
        Case.of("headers and then nothing", 1, "TIMED_OUT - deadline 3s reached while waiting for Prometheus",
            "{spec:healthy}", "--prometheus", "{silent}", "--timeout", "3s").within(Duration.ofMillis(5500)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void endsWithItsExitCodeWhateverTheOutputFormat(Case hostile) {
    for (String format : List.of("text", "json")) {
      long started = System.nanoTime();
      Cli.Run run = Cli.run(arguments(hostile, format));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      String all = run.out() + run.err();

      assertThat(run.exit()).as(format + ": " + run).isEqualTo(hostile.exit());
      assertThat(all).as(format + ": " + run).doesNotContain(PLANTED, "internal error", "Exception", "\tat ");
      says(hostile, format, run);
      assertThat(all.lines()).as(format).noneMatch(line -> line.startsWith("PASSED") && hostile.exit() != 0);
      assertThat(took).as(format + ": " + run).isLessThan(hostile.within());
      if (hostile.exit() == 2) {
        assertThat(run.out()).as(format + ": nothing judged").isEmpty();
        assertThat(run.err()).as(format).doesNotContain("judging canary", "JudgementStarted");
      }
    }
  }

  /** An error line says it on stderr either way; a verdict is the text's first line, or the JSON's fields. */
  private static void says(Case hostile, String format, Cli.Run run) {
    if (hostile.exit() == 2 || format.equals("text")) {
      assertThat(hostile.exit() == 2 ? run.err() : run.out().lines().findFirst().orElse(""))
          .as(format + ": " + run).contains(hostile.says());
      return;
    }
    String[] verdict = hostile.says().split(" - ", 2);
    assertThat(run.json().path("verdict").asText()).as(run.toString()).isEqualTo(verdict[0]);
    assertThat(run.json().path("reason").asText()).as(run.toString()).contains(verdict[1]);
  }

  private static String[] arguments(Case hostile, String format) {
    List<String> args = new ArrayList<>(List.of("analyze", "--spec"));
    args.add(resolve(hostile.args().get(0)));
    List<String> rest = new ArrayList<>(hostile.args().subList(1, hostile.args().size()));
    for (String option : List.of("--canary-hash", "abc123", "--stable-hash", "def456", "--since", "2h")) {
      if (option.startsWith("--") && !rest.contains(option)) {
        rest.add(option);
        rest.add(switch (option) {
          case "--canary-hash" -> "abc123";
          case "--stable-hash" -> "def456";
          default -> "2h";
        });
      }
    }
    rest.forEach(arg -> args.add(resolve(arg)));
    args.add("-o");
    args.add(format);
    return args.toArray(String[]::new);
  }

  private static String resolve(String arg) {
    if (arg.startsWith("{spec:")) {
      return dir.resolve(arg.substring(6, arg.length() - 1) + ".yaml").toString();
    }
    if (arg.startsWith("{file:")) {
      return dir.resolve(arg.substring(6, arg.length() - 1)).toString();
    }
    return switch (arg) {
      case "{prom}" -> scripted.url();
      case "{dripping}" -> dripping.url();
      case "{silent}" -> silent.url();
      default -> arg;
    };
  }
}
