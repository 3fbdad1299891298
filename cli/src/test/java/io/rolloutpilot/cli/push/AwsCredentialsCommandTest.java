package io.rolloutpilot.cli.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.cli.RolloutPilot;
import io.rolloutpilot.testkit.ecr.EcrRig;
import io.rolloutpilot.testkit.ecr.SignedCall;
import io.rolloutpilot.testkit.ecr.StsFake;
import io.rolloutpilot.testkit.registry.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code push --ecr --profile NAME [--role-arn ARN]} against the in-test AWS endpoints: a profile
 * from temporary shared config and credentials files (named by the SDK's system properties for this
 * test only), and STS AssumeRole whose temporary credentials sign every ECR call afterwards.
 */
class AwsCredentialsCommandTest {
  static final String PROFILE_KEY = "AKIDPROFILEPUSHER01";
  static final String PROFILE_SECRET = "profile-Secret-Never-Printed-9";
  static final String ROLE = "arn:aws:iam::123456789012:role/cross-account-pusher";

  @TempDir
  static Path dir;
  static EcrRig ecr;
  static StsFake sts;
  static TestImages.Layout image;
  static String previousConfig;
  static String previousCredentials;

  @BeforeAll
  static void start() throws Exception {
    ecr = EcrRig.start(dir.resolve("ecr"));
    sts = StsFake.start();
    image = TestImages.single(dir.resolve("img"), 71, 2, 8 * 1024, false, "v1");
    Path config = Files.writeString(dir.resolve("aws-config"), "[profile pusher]\nregion = " + EcrRig.REGION + "\n");
    Path credentials = Files.writeString(dir.resolve("aws-credentials"), "[pusher]\naws_access_key_id = "
        + PROFILE_KEY + "\naws_secret_access_key = " + PROFILE_SECRET + "\n");
    previousConfig = System.setProperty("aws.configFile", config.toString());
    previousCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    restore("aws.configFile", previousConfig);
    restore("aws.sharedCredentialsFile", previousCredentials);
    sts.close();
    ecr.close();
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }

  record Run(int exit, String out, String err) {}

  static Run push(String repository, String... extra) {
    List<String> args = new ArrayList<>(List.of("push", "--from", image.ociSource(), "--to", repository + ":1",
        "--ecr", "--region", EcrRig.REGION, "--ecr-endpoint", ecr.control().endpoint().toString(),
        "--insecure-registry", ecr.registryAuthority(), "--create-repository", "-o", "json"));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RolloutPilot.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private static List<SignedCall> ecrCallsSince(int before) {
    List<SignedCall> calls = ecr.control().calls();
    return calls.subList(before, calls.size());
  }

  @Test
  void aNamedProfileFromTheSharedFilesSignsTheEcrCalls() {
    int before = ecr.control().calls().size();
    Run run = push("cli/profile", "--profile", "pusher");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(ecrCallsSince(before)).extracting(SignedCall::operation)
        .contains("DescribeRepositories", "CreateRepository", "GetAuthorizationToken");
    assertThat(ecrCallsSince(before)).allSatisfy(call -> {
      assertThat(call.accessKeyId()).isEqualTo(PROFILE_KEY);
      assertThat(call.sessionToken()).isFalse();
    });
    assertThat(run.out() + run.err()).doesNotContain(PROFILE_SECRET);
  }

  @Test
  void roleArnAssumesTheRoleWithTheProfileAndSignsEcrCallsWithTheTemporaryKey() {
    int before = ecr.control().calls().size();
    Run run = push("cli/role", "--profile", "pusher", "--role-arn", ROLE, "--sts-endpoint",
        sts.endpoint().toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(sts.calls()).hasSize(1);
    StsFake.AssumeRole assumed = sts.calls().get(0);
    assertThat(assumed.roleArn()).isEqualTo(ROLE);
    assertThat(assumed.sessionName()).isEqualTo("rollout-pilot-push");
    assertThat(assumed.caller().accessKeyId()).as("STS is called with the profile's key").isEqualTo(PROFILE_KEY);
    assertThat(ecrCallsSince(before)).isNotEmpty().allSatisfy(call -> {
      assertThat(call.accessKeyId()).as(call.operation()).isEqualTo(assumed.issuedKeyId());
      assertThat(call.sessionToken()).as(call.operation()).isTrue();
    });
    assertThat(run.out() + run.err()).doesNotContain(PROFILE_SECRET).doesNotContain(assumed.issuedSecret())
        .doesNotContain(assumed.issuedSessionToken());
  }

  @Test
  void anUnknownProfileIsAnEnvironmentErrorNamingIt() {
    int before = ecr.control().calls().size();
    Run run = push("cli/none", "--profile", "no-such-profile");

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("no-such-profile");
    assertThat(ecrCallsSince(before)).as("nothing is sent unsigned").isEmpty();
    assertThat(run.out() + run.err()).doesNotContain(PROFILE_SECRET);
  }
}
