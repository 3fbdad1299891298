package io.rolloutpilot.bench.push;

import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.TestCertificate;
import io.rolloutpilot.testkit.registry.TestImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Cold push over TLS with Basic auth, as every ECR push is: our launcher and skopeo both verify the
 * registry's certificate against its CA, rotating, a fresh registry each run. The launcher's archive
 * is the one a TLS first run dumps, as a user's would be.
 */
final class TlsColdPush {
  static final String PASSWORD_ENV = "BENCH_REGISTRY_PASSWORD";

  private final Path launcher;
  private final Path skopeo;
  private final TestImages.Layout image;
  private final LauncherArchive archive;
  private final Path work;
  /** Passed to our CLI by variable name, never on its command line. */
  private final String password;

  TlsColdPush(Path launcher, Path skopeo, TestImages.Layout image, LauncherArchive archive, Path work) {
    this.launcher = launcher;
    this.skopeo = skopeo;
    this.image = image;
    this.archive = archive;
    this.work = work;
    this.password = System.getenv(PASSWORD_ENV);
    Runs.require(password != null && !password.isEmpty(), PASSWORD_ENV + " must be set (bench/push.sh sets it)");
  }

  void runAndPrint(int runs) throws Exception {
    TestCertificate certificate = TestCertificate.create(work.resolve("tls-certs"));
    archive.deleteAll();
    push(false, certificate, "tls-first");
    archive.awaitPush();
    Stats ours = new Stats();
    Stats theirs = new Stats();
    for (int i = 0; i < runs; i++) {
      for (int turn = 0; turn < 2; turn++) {
        boolean skopeoTurn = (i + turn) % 2 == 1;
        (skopeoTurn ? theirs : ours).add(push(skopeoTurn, certificate, "tls-" + i + "-" + turn));
      }
    }
    System.out.println("cold push over TLS with Basic auth, certificate verified, fresh registry each run:");
    System.out.println("  bin/rollout-pilot push    " + ours.describe());
    System.out.println("  skopeo copy               " + theirs.describe());
    System.out.printf(Locale.ROOT, "  ratio launcher/skopeo     %.2f%n", ours.median() / theirs.median());
  }

  private double push(boolean withSkopeo, TestCertificate certificate, String name) throws Exception {
    try (LocalRegistry registry = LocalRegistry.startTls(work.resolve(name), certificate, "AWS", password)) {
      String to = registry.authority() + "/bench/app:1";
      List<String> command = withSkopeo
          ? List.of(skopeo.toString(), "copy", "--quiet", "--dest-cert-dir", certificate.skopeoCertDir().toString(),
              "--dest-creds", "AWS:" + password, image.ociSource(), "docker://" + to)
          : List.of(launcher.toString(), "push", "--from", image.ociSource(), "--to", to, "--ca-cert",
              certificate.certificate().toString(), "--username", "AWS", "--password-env", PASSWORD_ENV);
      double ms = Runs.time(command);
      Runs.deleteTree(registry.dataDirectory());
      return ms;
    }
  }
}
