package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rolloutpilot.cli.common.ExitCodes;

/** Missing things, unreachable or refusing clusters: exit 3 with a message that helps and keeps secrets. */
class EnvironmentErrorsTest {
  private static final String TOKEN = "s3cr3t-token-7f9d2c";
  private static final String WRONG_TOKEN = "wrong-token-4a1b8e";
  private static SandboxFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SandboxFixture(SandboxFixture.tempDir());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void missingRolloutListsTheExistingOnes() {
    String first = fixture.rollout("alpha", SandboxFixture.TIMED);
    String second = fixture.rollout("beta", SandboxFixture.TIMED);

    Cli.Run run = fixture.cli("status", "nope");

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(run.err()).startsWith("error: rollout 'nope' in namespace 'default' not found; existing: ")
        .contains(first, second);
    assertThat(fixture.cli("deploy", "nope", "--image", "nginx:1").exit()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(fixture.cli("promote", "nope").err()).contains("not found; existing: ");
  }

  @Test
  void missingContainerListsTheContainers() {
    String name = fixture.rollout("containers", SandboxFixture.TIMED);

    Cli.Run run = fixture.cli("deploy", name, "--image", "web=registry.example.com/x:2.0.0");

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(run.err()).contains("container 'web'", "not found; existing: app");
    assertThat(fixture.status(name).path("generation").asLong()).isEqualTo(1);
  }

  @Test
  void unreachableClusterExitsThree(@TempDir Path dir) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path kubeconfig = kubeconfig(dir, "http://127.0.0.1:" + port, null);

    Cli.Run run = Cli.run(kubeconfig, "status", "guestbook");

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(run.err()).contains("could not be reached", "127.0.0.1:" + port);
  }

  @Test
  void aKubeconfigThatDoesNotExistIsBadInput(@TempDir Path dir) {
    Cli.Run run = Cli.run(dir.resolve("absent"), "status", "guestbook");

    assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("error: --kubeconfig: ").contains("does not exist");
  }

  @Test
  void unauthorizedNamesTheCredentialSourceButNeverTheToken(@TempDir Path dir) {
    try (Sandbox secured = Sandbox.start(SandboxOptions.defaults().withToken(TOKEN))) {
      String url = secured.url().replaceAll("/$", "");
      Cli.Run none = Cli.run(kubeconfig(dir.resolve("none"), url, null), "status", "guestbook");
      Cli.Run wrong = Cli.run(kubeconfig(dir.resolve("wrong"), url, WRONG_TOKEN), "status", "guestbook", "-o",
          "json");
      Cli.Run right = Cli.run(secured.writeKubeconfig(dir.resolve("right")), "status", "guestbook");

      assertThat(none.exit()).as(none.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
      assertThat(none.err()).contains("unauthorized (401)", "no credentials", "kubeconfig context 'ci'");
      assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
      assertThat(wrong.err()).contains("unauthorized (401)", "a bearer token", "kubeconfig context 'ci'",
          "user 'deployer'");
      assertThat(right.exit()).as(right.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
      assertThat(right.err()).contains("not found; there are none");
      for (Cli.Run run : new Cli.Run[] {none, wrong, right}) {
        assertThat(run.out() + run.err()).doesNotContain(TOKEN).doesNotContain(WRONG_TOKEN);
      }
    }
  }

  /** A kubeconfig as a CI system would hand it over: context 'ci', user 'deployer', optionally a token. */
  private static Path kubeconfig(Path dir, String server, String token) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("config");
      Files.writeString(file, """
          apiVersion: v1
          kind: Config
          clusters:
            - name: target
              cluster: {server: "%s"}
          contexts:
            - name: ci
              context: {cluster: target, user: deployer, namespace: default}
          current-context: ci
          users:
            - name: deployer
              user: {%s}
          """.formatted(server, token == null ? "" : "token: " + token));
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
