package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.sandbox.CanaryManifests;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import io.rolloutpilot.testkit.kube.KubeApiProxy;
import io.rolloutpilot.testkit.kube.ProxyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bearer token from the kubeconfig never appears in any output: not when the server refuses it, not
 * when a 401 or 403 body echoes the Authorization header or the bare token, not in JSON, not with
 * {@code --stacktrace}. The token is planted and searched for in stdout and stderr of every run.
 */
class SecretsTest {
  private static final String TOKEN = "planted-token-4b9e1c7a05";
  private static final String WRONG = "wrong-token-93f1d6a2c8";
  private static final String STATUS_401 = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
      + "\"code\":401,\"reason\":\"Unauthorized\",\"message\":\"rejected Authorization: "
      + KubeApiProxy.AUTHORIZATION_PLACEHOLDER + "\"}";
  private static final String STATUS_403 = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
      + "\"code\":403,\"reason\":\"Forbidden\",\"message\":\"user with credentials "
      + KubeApiProxy.TOKEN_PLACEHOLDER
      + " cannot get rollouts\",\"details\":{\"token\":\"" + KubeApiProxy.AUTHORIZATION_PLACEHOLDER + "\"}}";
  private static Sandbox sandbox;
  private static KubeApiProxy proxy;
  private static Path right;
  private static Path wrong;

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.defaults().withToken(TOKEN));
    sandbox.apply(CanaryManifests.rollout("secret", "default", 1, "registry.example.com/secret:1", "setWeight: 50"));
    proxy = KubeApiProxy.start(sandbox.port());
    Path dir = SandboxFixture.tempDir();
    right = sandbox.writeKubeconfig(dir.resolve("right"));
    Files.writeString(right, Files.readString(right).replace(sandbox.url().replaceAll("/$", ""), proxy.url()));
    wrong = Files.writeString(dir.resolve("wrong"), Files.readString(right).replace(TOKEN, WRONG));
  }

  @AfterAll
  static void stop() {
    proxy.close();
    sandbox.close();
  }

  @AfterEach
  void forward() {
    proxy.mode(ProxyMode.forward());
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("the server refuses a wrong token", ProxyMode.forward(), "wrong"),
        Arguments.of("a 401 body echoes the Authorization header", new ProxyMode.Answer(401, STATUS_401), "right"),
        Arguments.of("a 403 body echoes the bare token", new ProxyMode.Answer(403, STATUS_403), "right"),
        Arguments.of("a 403 body that is not JSON echoes the header", new ProxyMode.Answer(403,
            "forbidden: " + KubeApiProxy.AUTHORIZATION_PLACEHOLDER), "right"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void noTokenInAnyOutput(String name, ProxyMode mode, String which) {
    proxy.mode(mode);
    Path kubeconfig = which.equals("right") ? right : wrong;
    List<List<String>> commands = List.of(List.of("status", "secret"), List.of("status", "secret", "--watch",
        "--timeout", "20s"), List.of("deploy", "secret", "--image", "registry.example.com/secret:2", "--timeout",
        "20s"), List.of("promote", "secret"));
    for (List<String> command : commands) {
      for (List<String> extra : List.of(List.<String>of(), List.of("-o", "json"), List.of("--stacktrace"),
          List.of("-o", "json", "--stacktrace"))) {
        List<String> args = new ArrayList<>(command);
        args.addAll(extra);

        Cli.Run run = Cli.run(kubeconfig, args.toArray(String[]::new));

        assertThat(run.exit()).as(name + ": " + args + "\n" + run).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err()).as(name).containsAnyOf("unauthorized (401)", "forbidden (403)");
        assertThat(run.out() + run.err()).as(name + ": " + args).doesNotContain(TOKEN).doesNotContain(WRONG);
        if (extra.contains("--stacktrace")) {
          assertThat(run.err()).as("the trace is printed").contains("\tat ");
        }
      }
    }
  }
}
