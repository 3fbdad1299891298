package io.rolloutpilot.cli.push;

import static io.rolloutpilot.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolloutpilot.cli.Cli;
import io.rolloutpilot.cli.Cli.Run;
import io.rolloutpilot.testkit.ecr.EcrRig;
import io.rolloutpilot.testkit.ecr.ScanPlan;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.Skopeo;
import io.rolloutpilot.testkit.registry.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollout-pilot push} end to end in-process: output, -o json, exit codes 0/1/2/3. */
class PushCommandTest {
  @TempDir
  static Path dir;
  static LocalRegistry registry;
  static EcrRig ecr;
  static TestImages.Layout image;
  static TestImages.Layout other;

  @BeforeAll
  static void start() throws Exception {
    registry = LocalRegistry.startPlain(dir.resolve("registry"));
    ecr = EcrRig.start(dir.resolve("ecr"));
    image = TestImages.single(dir.resolve("a"), 61, 2, 8 * 1024, false, "v1");
    other = TestImages.single(dir.resolve("b"), 62, 2, 8 * 1024, false, "v1");
  }

  @AfterAll
  static void stop() throws Exception {
    ecr.close();
    registry.close();
  }

  /** The environment an ECR push is given: keys of its own, no instance metadata. */
  static final Map<String, String> ECR_ENVIRONMENT = Map.of("AWS_ACCESS_KEY_ID", "AKIDCLITEST",
      "AWS_SECRET_ACCESS_KEY", "cli-Secret-Key-Never-Printed", "AWS_EC2_METADATA_DISABLED", "true");

  static Run runEcr(String... args) {
    return Cli.runWith(ECR_ENVIRONMENT, ecrArgs(args));
  }

  static String[] ecrArgs(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--ecr", "--region", EcrRig.REGION, "--ecr-endpoint", ecr.control().endpoint().toString(),
        "--insecure-registry", ecr.registryAuthority()));
    return all.toArray(String[]::new);
  }

  @Test
  void pushPrintsTheResultAsJson() throws Exception {
    Run run = run("push", "--from", image.ociSource(), "--to", registry.authority() + "/cli/app:1", "--tag", "latest",
        "--insecure-registry", registry.authority(), "-o", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode json = run.json();
    assertThat(json.path("digest").asText()).isEqualTo(image.root().digest().value());
    assertThat(json.path("imageRef").asText()).isEqualTo(registry.authority() + "/cli/app@" + image.root().digest());
    assertThat(json.path("tags").toString()).isEqualTo("[\"1\",\"latest\"]");
    assertThat(json.path("blobsUploaded").asInt()).isEqualTo(3);
    assertThat(json.path("blobsReused").asInt()).isZero();
    assertThat(json.path("bytesUploaded").asLong()).isPositive();
    assertThat(json.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(json.has("durationMs")).isTrue();
    assertThat(run.err()).contains("\"event\":\"BlobUploaded\"");
    assertThat(new Skopeo().inspectRaw(registry, "cli/app:latest", null, null)).isEqualTo(image.rootBytes());

    Run text = run("push", "--from", image.ociSource(), "--to", registry.authority() + "/cli/app:1",
        "--insecure-registry", registry.authority());
    assertThat(text.exit()).isZero();
    assertThat(text.out()).startsWith("pushed " + registry.authority() + "/cli/app@sha256:")
        .contains("0 uploaded (0 B), 3 reused");
  }

  @Test
  void badInputExitsTwoAndUploadsNothing() {
    Run missing = run("push", "--from", "oci:" + dir.resolve("nope"), "--to", registry.authority() + "/cli/x:1");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("error:").contains("does not exist");
    assertThat(missing.out()).isEmpty();

    Run noHost = run("push", "--from", "docker://team/app:1", "--to", registry.authority() + "/cli/x:1");
    assertThat(noHost.exit()).isEqualTo(2);
    assertThat(noHost.err()).contains("error:").contains("names no registry host").contains("write it out");
    assertThat(noHost.out()).isEmpty();

    Run badTag = run("push", "--from", image.ociSource(), "--to", registry.authority() + "/cli/x", "--tag", "a b");
    assertThat(badTag.exit()).isEqualTo(2);
    Run badInsecure = run("push", "--from", image.ociSource(), "--to", registry.authority() + "/cli/x",
        "--insecure-registry", "https://x");
    assertThat(badInsecure.exit()).isEqualTo(2);
    Run badCaCert = run("push", "--from", image.ociSource(), "--to", registry.authority() + "/cli/ca:1",
        "--ca-cert", dir.resolve("a").toString());
    assertThat(badCaCert.exit()).isEqualTo(2);
    assertThat(badCaCert.err()).contains("error: --ca-cert:").contains("not a readable file");
    assertThat(badCaCert.out()).isEmpty();
    Run notPem = run("push", "--from", image.ociSource(), "--to", registry.authority() + "/cli/ca:1",
        "--ca-cert", writeNotPem().toString());
    assertThat(notPem.exit()).isEqualTo(2);
    assertThat(notPem.err()).contains("--ca-cert").contains("not a PEM file");
    assertThat(notPem.err()).doesNotContain("BlobUploaded").doesNotContain("uploaded");
    assertThat(run("push", "--from", image.ociSource(), "--to", registry.authority() + "/cli/ca:1",
        "--insecure-registry", registry.authority(), "--ca-cert", writeNotPem().toString()).exit())
        .as("checked even when the registry itself is insecure").isEqualTo(2);
    Run badGate = runEcr("push", "--from", image.ociSource(), "--to", "cli/x", "--scan-gate", "HUGE=1");
    assertThat(badGate.exit()).isEqualTo(2);
    assertThat(badGate.err()).contains("--scan-gate");
  }

  static Path writeNotPem() {
    try {
      return java.nio.file.Files.writeString(dir.resolve("not-a-ca.pem"), "just some text, no certificate\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void environmentErrorsExitThreeWithTheRegistryCodeAndAHint() {
    Run missingRepo = runEcr("push", "--from", image.ociSource(), "--to", "cli/missing:1");
    assertThat(missingRepo.exit()).isEqualTo(3);
    assertThat(missingRepo.err()).contains("RepositoryNotFoundException").contains("hint:")
        .contains("--create-repository");

    Run unreachable = run("push", "--from", image.ociSource(), "--to", "127.0.0.1:1/cli/x:1");
    assertThat(unreachable.exit()).isEqualTo(3);
    assertThat(unreachable.err()).contains("cannot reach registry 127.0.0.1:1").contains("hint:");

    assertThat(run("push", "--from", image.ociSource(), "--to", registry.authority() + "/cli/imm:1",
        "--insecure-registry", registry.authority(), "--immutable-tags").exit()).isZero();
    Run conflict = run("push", "--from", other.ociSource(), "--to", registry.authority() + "/cli/imm:1",
        "--insecure-registry", registry.authority(), "--immutable-tags");
    assertThat(conflict.exit()).isEqualTo(3);
    assertThat(conflict.err()).contains("is immutable").contains(image.root().digest().value())
        .contains(other.root().digest().value());
  }

  @Test
  void ecrPushCreatesTheRepositoryAndTheScanGateDecidesTheExitCode() throws Exception {
    ecr.control().scanPlan(new ScanPlan(0, Map.of("HIGH", 1), List.of()));
    Run pass = runEcr("push", "--from", image.ociSource(), "--to", "cli/ecr:1.0", "--create-repository",
        "--immutable-tags", "--scan-on-push", "--scan-gate", "CRITICAL=0,HIGH=5", "-o", "json");
    assertThat(pass.exit()).as(pass.toString()).isZero();
    assertThat(pass.json().path("repositoryCreated").asBoolean()).isTrue();
    assertThat(pass.json().path("scan").path("passed").asBoolean()).isTrue();
    assertThat(pass.json().path("registry").asText()).isEqualTo(ecr.registryAuthority());
    assertThat(ecr.control().immutable("cli/ecr")).isTrue();

    ecr.control().scanPlan(new ScanPlan(0, Map.of("CRITICAL", 2), List.of(new ScanPlan.Finding("CVE-2099-1",
        "CRITICAL", "https://cve.example/1"))));
    Run fail = runEcr("push", "--from", other.ociSource(), "--to", "cli/ecr:2.0", "--scan-gate", "CRITICAL=0");
    assertThat(fail.exit()).as(fail.toString()).isEqualTo(1);
    assertThat(fail.out()).startsWith("pushed ");
    assertThat(fail.err()).contains("CVE-2099-1").contains("CRITICAL");
    assertThat(pass.out() + pass.err() + fail.out() + fail.err()).doesNotContain("cli-Secret-Key-Never-Printed")
        .doesNotContain("ecr-");
    ecr.control().scanPlan(null);
  }
}
