package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubeconfigs and contexts that cannot work: a context that is missing or empty (exit 2), an exec
 * credential plugin that fails or is missing (exit 3), a file that is a FIFO, a directory or huge (exit 2,
 * at once), a server address that is not http(s) or carries a password (exit 2). No token, password or
 * key from the file ever appears in the output.
 */
class KubeconfigInputsTest {
  private static final String TOKEN = "kc-token-8c1f4e77d2";
  private static final String EXEC_TOKEN = "exec-token-5d2e7a91b3";
  private static final String PASSWORD = "hunter2-p4ssw0rd-x9";
  private static final String KEY_DATA = "cm9sbG91dC1waWxvdC1jbGllbnQta2V5LTNmOWE=";
  private static final List<String> SECRETS = List.of(TOKEN, EXEC_TOKEN, PASSWORD, KEY_DATA);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static Sandbox sandbox;
  private static Path dir;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withToken(TOKEN));
    dir = SandboxFixture.tempDir();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** How a case makes its kubeconfig "file": usually a kubeconfig, sometimes something else at that path. */
  interface Maker {
    Path make(Path file) throws Exception;
  }

  static Stream<Arguments> cases() {
    String server = "SANDBOX";
    Map<String, Object> token = Map.of("token", TOKEN);
    return Stream.of(
        Arguments.of("a context that does not exist", kubeconfig(server, token), List.of("--context", "nope"),
            ExitCodes.BAD_INPUT, List.of("error: --context: 'nope' is not a context of", "its contexts: ci")),
        Arguments.of("an empty context", kubeconfig(server, token), List.of("--context", ""),
            ExitCodes.BAD_INPUT, List.of("error: --context: must not be empty; choose one of: ci")),
        Arguments.of("an exec plugin that fails", kubeconfig(server, exec("false", List.of())), List.of(),
            ExitCodes.ENVIRONMENT, List.of("error: --kubeconfig: the exec credential plugin 'false' of user"
                + " 'deployer' gave no credentials", "hint: check the kubeconfig's user")),
        Arguments.of("an exec plugin that is not installed", kubeconfig(server,
            exec("/opt/nowhere/kubectl-token", List.of())), List.of(), ExitCodes.ENVIRONMENT,
            List.of("the exec credential plugin 'kubectl-token' of user 'deployer' gave no credentials")),
        Arguments.of("an exec plugin that prints a token and fails", kubeconfig(server, exec("sh",
            List.of("-c", "echo token: " + EXEC_TOKEN + "; echo " + EXEC_TOKEN + " >&2; exit 1"))), List.of(),
            ExitCodes.ENVIRONMENT, List.of("gave no credentials")),
        Arguments.of("an exec plugin whose token the server refuses", kubeconfig(server, exec("sh",
            List.of("-c", "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"" + EXEC_TOKEN + "\"}}'"))), List.of(), ExitCodes.ENVIRONMENT,
            List.of("unauthorized (401)", "a bearer token from kubeconfig context 'ci'")),
        Arguments.of("a FIFO", (Maker) KubeconfigInputsTest::fifo, List.of(), ExitCodes.BAD_INPUT,
            List.of("is not a regular file (a FIFO, socket or device)")),
        Arguments.of("a directory", (Maker) Files::createDirectories, List.of(), ExitCodes.BAD_INPUT,
            List.of("is a directory, not a kubeconfig file")),
        Arguments.of("a huge file", (Maker) KubeconfigInputsTest::huge, List.of(), ExitCodes.BAD_INPUT,
            List.of("is larger than 4 MiB, so it is not a kubeconfig")),
        Arguments.of("a device", (Maker) file -> Path.of("/dev/zero"), List.of(), ExitCodes.BAD_INPUT,
            List.of("/dev/zero is not a regular file")),
        Arguments.of("a server that is not http(s)", kubeconfig("ftp://127.0.0.1:21/", token), List.of(),
            ExitCodes.BAD_INPUT, List.of("error: --kubeconfig: the server of cluster 'target' (context 'ci')",
                "is not an http(s) URL (scheme 'ftp')")),
        Arguments.of("a server with a password in it", kubeconfig("https://admin:" + PASSWORD + "@127.0.0.1:6443",
            token), List.of(), ExitCodes.BAD_INPUT, List.of("carries credentials in the URL (user:password@)")),
        Arguments.of("a server that is no URL", kubeconfig("http://[not a url", token), List.of(),
            ExitCodes.BAD_INPUT, List.of("is not a valid URL")),
        Arguments.of("no server", kubeconfig("", token), List.of(), ExitCodes.BAD_INPUT,
            List.of("the server of cluster 'target' (context 'ci')", "is missing")),
        Arguments.of("a client key that is not a key", kubeconfig("https://127.0.0.1:6443",
            Map.of("client-certificate-data", KEY_DATA, "client-key-data", KEY_DATA)), List.of(),
            ExitCodes.BAD_INPUT, List.of("error: --kubeconfig: the credentials of kubeconfig context 'ci'"
                + " (user 'deployer') cannot be used")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aKubeconfigThatCannotWorkFailsAtOnceWithItsExitCodeAndNoSecret(String name, Maker maker, List<String> extra,
      int exit, List<String> messages) throws Exception {
    Path file = maker.make(dir.resolve(name.replaceAll("[^a-z]+", "-")));
    List<String> args = new ArrayList<>(List.of("status", "guestbook", "--stacktrace"));
    args.addAll(extra);
    for (String format : List.of("text", "json")) {
      List<String> withFormat = new ArrayList<>(args);
      withFormat.addAll(List.of("-o", format));
      long started = System.nanoTime();

      Cli.Run run = Cli.run(file, withFormat.toArray(String[]::new));

      assertThat(run.exit()).as(name + " (" + format + "): " + run).isEqualTo(exit);
      assertThat(run.err()).as(name).contains(messages);
      assertThat(run.err()).as(name).doesNotContain("internal error");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as(name).isLessThan(Duration.ofSeconds(15));
      for (String secret : SECRETS) {
        assertThat(run.out() + run.err()).as(name + " shows a secret").doesNotContain(secret);
      }
    }
  }

  /** A kubeconfig with context 'ci', cluster 'target' at {@code server} (SANDBOX: the sandbox) and user 'deployer'. */
  private static Maker kubeconfig(String server, Map<String, Object> user) {
    return file -> {
      ObjectNode root = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "Config");
      ObjectNode cluster = root.putArray("clusters").addObject().put("name", "target").putObject("cluster");
      if (!server.isEmpty()) {
        cluster.put("server", server.equals("SANDBOX") ? sandbox.url().replaceAll("/$", "") : server);
      }
      root.putArray("contexts").addObject().put("name", "ci").putObject("context").put("cluster", "target")
          .put("user", "deployer").put("namespace", "default");
      root.put("current-context", "ci");
      root.putArray("users").addObject().put("name", "deployer").set("user", YAML.valueToTree(user));
      Files.writeString(file, YAML.writeValueAsString(root));
      return file;
    };
  }

  private static Map<String, Object> exec(String command, List<String> args) {
    return Map.of("exec", Map.of("apiVersion", "client.authentication.k8s.io/v1", "command", command, "args", args,
        "interactiveMode", "Never"));
  }

  private static Path fifo(Path file) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
    return file;
  }

  private static Path huge(Path file) throws IOException {
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(64L * 1024 * 1024);
    }
    return file;
  }
}
