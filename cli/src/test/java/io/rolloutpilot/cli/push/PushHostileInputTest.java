package io.rolloutpilot.cli.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.cli.Cli;
import io.rolloutpilot.cli.Cli.Run;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.ProxyAction;
import io.rolloutpilot.testkit.registry.ProxyRule;
import io.rolloutpilot.testkit.registry.RegistryProxy;
import io.rolloutpilot.testkit.registry.TarWriter;
import io.rolloutpilot.testkit.registry.TestCertificate;
import io.rolloutpilot.testkit.registry.TestImages;
import io.rolloutpilot.testkit.registry.Tools;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code push} (and {@code deploy --image}) under hostile input, through the command line: each row
 * runs as text and as {@code -o json} and must exit the same, say what is wrong naming the option, print
 * nothing on stdout, and never print the secret planted in it.
 */
class PushHostileInputTest {
  static final String PASSWORD = "Pl4nted-Registry-Pw-4711";
  static final String BASIC = Base64.getEncoder().encodeToString(("pusher:" + PASSWORD)
      .getBytes(StandardCharsets.UTF_8));
  static final String HEX = "0123456789abcdef".repeat(4);
  static final String NAME_LIKE_PASSWORD = PASSWORD.replace("-", "");
  static final List<String> SECRETS = List.of(PASSWORD, BASIC, NAME_LIKE_PASSWORD);

  @TempDir
  static Path dir;
  static LocalRegistry plain;
  static LocalRegistry guarded;
  static RegistryProxy echoJson;
  static RegistryProxy echoText;
  static RegistryProxy stall;
  static TestImages.Layout image;
  static TestCertificate certificate;

  @BeforeAll
  static void start() throws Exception {
    image = TestImages.single(dir.resolve("img"), 91, 1, 24L << 20, false, "v1");
    plain = LocalRegistry.startPlain(dir.resolve("plain"));
    certificate = TestCertificate.create(dir.resolve("certs"));
    guarded = LocalRegistry.startTls(dir.resolve("guarded"), certificate, "pusher", PASSWORD);
    URI backend = URI.create("https://" + guarded.authority());
    echoJson = RegistryProxy.start(backend, certificate.serverContext(), certificate.clientContext())
        .rule(echo(true));
    echoText = RegistryProxy.start(backend, certificate.serverContext(), certificate.clientContext())
        .rule(echo(false));
    stall = RegistryProxy.start(URI.create("http://" + plain.authority()), null, null)
        .rule(ProxyRule.stallBlobUploads(64 * 1024));
  }

  @AfterAll
  static void stop() throws Exception {
    stall.close();
    echoText.close();
    echoJson.close();
    guarded.close();
    plain.close();
  }

  /** A 403 quoting the request's Authorization header back, as some fronting proxies do. */
  static ProxyRule echo(boolean json) {
    // not HEAD: its answer has no body to echo in
    return request -> Optional.ofNullable(request.header("authorization")).filter(a -> !"HEAD".equals(request.method()))
        .map(auth -> json
        ? ProxyAction.respond(403, "DENIED", "requested access to the resource is denied for " + auth)
        : new ProxyAction.Respond(403, Map.of("Content-Type", "text/plain"), "403 Forbidden: " + auth
            + " (user pusher:" + PASSWORD + ")"));
  }

  /** One hostile invocation: arguments, the environment, the exit code and what stderr must say. */
  record Row(String name, Supplier<List<String>> args, Map<String, String> env, int exit, List<String> says) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Arguments row(String name, int exit, Supplier<List<String>> args, Map<String, String> env,
      String... says) {
    return Arguments.of(new Row(name, args, env, exit, List.of(says)));
  }

  static Arguments row(String name, int exit, Supplier<List<String>> args, String... says) {
    return row(name, exit, args, Map.of(), says);
  }

  static Supplier<List<String>> push(String from, String to, String... more) {
    return () -> {
      List<String> args = new ArrayList<>(List.of("push", "--from", from, "--to", to));
      args.addAll(List.of(more));
      return args;
    };
  }

  /** A push from a valid source, so that {@code --to} is what is checked. */
  static Supplier<List<String>> pushTo(String to) {
    return () -> push(image.ociSource(), to).get();
  }

  static Supplier<List<String>> pushGood(String... more) {
    return () -> push(image.ociSource(), "reg.example/team/app:1", more).get();
  }

  static Supplier<List<String>> deploy(String image) {
    return () -> List.of("deploy", "web", "--image", image, "--kubeconfig", dir.resolve("no-kubeconfig").toString());
  }

  static Stream<Arguments> hostile() {
    return Stream.of(references(), credentials(), ecrOnly(), numbers(), sources(), environment())
        .flatMap(s -> s);
  }

  static Stream<Arguments> references() {
    return Stream.of(
        row("--to port 0", 2, pushTo("reg.example:0/team/app:1"), "error: --to:", "port '0'"),
        row("--to port 99999", 2, pushTo("reg.example:99999/app"), "error: --to:", "1 to 65535"),
        row("--to short digest", 2, pushTo("reg.example/app@sha256:abc"), "--to:", "3 hex digits"),
        row("--to empty component", 2, pushTo("reg.example/team//app"), "--to:", "empty path component"),
        row("--to over-long name", 2, pushTo("reg.example/" + "a".repeat(300)), "--to:", "characters long"),
        row("--from uppercase digest", 2, push("docker://reg.example/app@sha256:" + HEX.toUpperCase(), "r.io/a"),
            "error: --from:", "lowercase hex"),
        row("--from md5 digest", 2, push("docker://reg.example/app@md5:" + HEX.substring(32), "r.io/a"),
            "--from:", "algorithm 'md5'"),
        row("--from sha512 too short", 2, push("docker://reg.example/app@sha512:" + HEX, "r.io/a"),
            "--from:", "a sha512 digest has 128"),
        row("deploy --image port 0", 2, deploy("reg.example:0/app:1"), "error: --image:", "port '0'"),
        row("deploy --image short digest", 2, deploy("reg.example/app@sha256:abc"), "--image:", "3 hex digits"),
        row("deploy --image unknown algorithm", 2, deploy("reg.example/app@blake3:" + HEX), "--image:",
            "algorithm 'blake3'"));
  }

  static Stream<Arguments> credentials() {
    return Stream.of(
        row("--to with credentials", 2, pushTo("pusher:" + PASSWORD + "@reg.example/team/app:1"),
            "error: --to:", "credentials do not belong", "hint:", "--username", "--password-env"),
        row("--from with credentials", 2, push("docker://pusher:" + PASSWORD + "@reg.example:5000/app:1",
            "reg.example/a"), "error: --from:", "credentials do not belong", "--from-username"),
        row("deploy --image with credentials", 2, deploy("app=pusher:" + PASSWORD + "@reg.example/app:1"),
            "error: --image:", "credentials do not belong", "imagePullSecrets"),
        row("--password-env given a password", 2, pushGood("--username", "pusher", "--password-env",
            PASSWORD + "!"), "error: --password-env:", "not an environment variable's name", "NAME of an"),
        row("--password-env given a name-like password", 2, pushGood("--username", "pusher", "--password-env",
            NAME_LIKE_PASSWORD), "error: --password-env:", "not repeated"),
        row("--from-password-env given a password", 2, push("docker://reg.example/app:1", "reg.example/b:1",
            "--from-username", "pusher", "--from-password-env", PASSWORD), "error: --from-password-env:"),
        row("--password-env naming an unset variable", 2, pushGood("--username", "pusher", "--password-env",
            "MY_PUSH_PASSWORD"), "--password-env:", "MY_PUSH_PASSWORD is not set"));
  }

  static Stream<Arguments> ecrOnly() {
    return Stream.of(new String[][] {{"--region", "us-east-1"}, {"--registry-id", "123456789012"},
        {"--profile", "p"}, {"--role-arn", "arn:aws:iam::123456789012:role/x"}, {"--create-repository"},
        {"--scan-on-push"}, {"--encryption", "KMS"}, {"--kms-key", "k"}, {"--scan-gate", "CRITICAL=0"},
        {"--scan-timeout", "5m"}, {"--ecr-endpoint", "http://127.0.0.1:1"},
        {"--ecr-registry-endpoint", "http://127.0.0.1:1"}, {"--sts-endpoint", "http://127.0.0.1:1"}})
        .map(option -> row(option[0] + " without --ecr", 2, pushGood(option), "error: " + option[0] + ":",
            "applies to Amazon ECR only"));
  }

  static Stream<Arguments> numbers() {
    return Stream.of(
        row("--parallel abc", 2, pushGood("--parallel", "abc"), "--parallel"),
        row("--parallel 0", 2, pushGood("--parallel", "0"), "error: --parallel:", "use 1 to 32"),
        row("--parallel -1", 2, pushGood("--parallel", "-1"), "error: --parallel:", "use 1 to 32"),
        row("--parallel 33", 2, pushGood("--parallel", "33"), "error: --parallel:", "use 1 to 32"),
        row("--parallel huge", 2, pushGood("--parallel", "99999999999"), "--parallel"),
        row("--stall-timeout 0", 2, pushGood("--stall-timeout", "0"), "error: --stall-timeout:", "longer than 0"),
        row("--stall-timeout soon", 2, pushGood("--stall-timeout", "soon"), "error: --stall-timeout:",
            "not a duration"));
  }

  static Stream<Arguments> sources() {
    return Stream.of(
        row("docker-archive of a FIFO", 2, () -> push("docker-archive:" + fifo(), "reg.example/a:1").get(),
            "error: --from:", "is a FIFO, not a regular file"),
        row("archive with a negative size", 2, () -> push("docker-archive:" + negativeSize(), "reg.example/a:1")
            .get(), "error: --from:", "negative size"),
        row("oversized index.json", 2, () -> push("oci:" + oversizedIndex(), "reg.example/a:1").get(),
            "error: --from:", "index.json is", "at most"));
  }

  static Stream<Arguments> environment() {
    Map<String, String> env = Map.of("REG_PASS", PASSWORD);
    return Stream.of(
        row("a 403 echoing the Authorization header as JSON", 3, () -> push(image.ociSource(),
            echoJson.authority() + "/team/app:1", "--username", "pusher", "--password-env", "REG_PASS",
            "--ca-cert", certificate.certificate().toString()).get(), env, "error:", "answered 403 DENIED"),
        row("a 403 echoing the Authorization header as text", 3, () -> push(image.ociSource(),
            echoText.authority() + "/team/app:1", "--username", "pusher", "--password-env", "REG_PASS",
            "--ca-cert", certificate.certificate().toString()).get(), env, "error:", "answered 403"),
        row("a registry that stalls an upload", 3, () -> push(image.ociSource(), stall.authority() + "/team/app:1",
            "--insecure-registry", stall.authority(), "--stall-timeout", "1s").get(), "error:",
            stall.authority() + " stalled: PUT /v2/team/app/blobs/uploads/", "hint:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void theExitCodeIsTheSameInTextAndJsonAndNoSecretIsPrinted(Row row) {
    List<String> args = row.args().get();
    Run text = Cli.runWith(row.env(), args.toArray(String[]::new));
    List<String> withJson = new ArrayList<>(args);
    withJson.addAll(List.of("-o", "json"));
    Run json = Cli.runWith(row.env(), withJson.toArray(String[]::new));

    for (Run run : List.of(text, json)) {
      assertThat(run.exit()).as(row.name() + "\n" + run).isEqualTo(row.exit());
      assertThat(run.err()).as(row.name()).contains(row.says()).doesNotContain("internal error")
          .doesNotContain("Exception");
      assertThat(run.out()).as("nothing on stdout for a failure").isEmpty();
      for (String secret : SECRETS) {
        assertThat(run.out() + run.err()).as(row.name()).doesNotContain(secret);
      }
    }
  }

  static Path fifo() {
    try {
      Path fifo = dir.resolve("source.fifo");
      if (!Files.exists(fifo)) {
        Tools.run(List.of("mkfifo", fifo.toString()), null, 10).requireSuccess("mkfifo");
      }
      return fifo;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Path negativeSize() {
    try {
      byte[] header = TarWriter.header("manifest.json", 0, '0', "");
      byte[] size = new byte[12];
      java.util.Arrays.fill(size, (byte) 0xff);
      System.arraycopy(size, 0, header, 124, 12);
      Path file = dir.resolve("negative.tar");
      try (var out = Files.newOutputStream(file)) {
        TarWriter tar = new TarWriter(out);
        tar.raw(TarWriter.seal(header));
        tar.finish();
      }
      return file;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Path oversizedIndex() {
    try {
      Path layout = dir.resolve("big-index");
      if (!Files.exists(layout)) {
        TestImages.single(layout, 92, 1, 1024, false, "v1");
        byte[] index = new byte[17 << 20];
        java.util.Arrays.fill(index, (byte) ' ');
        Files.write(layout.resolve("index.json"), index);
      }
      return layout;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
