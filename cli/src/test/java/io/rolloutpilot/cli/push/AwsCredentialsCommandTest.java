package io.rolloutpilot.cli.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.cli.Cli;
import io.rolloutpilot.cli.Cli.Run;
import io.rolloutpilot.testkit.ecr.ContainerCredentialsFake;
import io.rolloutpilot.testkit.ecr.EcrRig;
import io.rolloutpilot.testkit.ecr.SignedCall;
import io.rolloutpilot.testkit.ecr.StsFake;
import io.rolloutpilot.testkit.registry.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code push --ecr} with AWS credentials from the environment the CLI passes to the engine (here a
 * map, as a Jenkins step passes its build's), against in-test AWS endpoints: keys, web identity
 * (IRSA) exchanged at STS, profiles of the files the variables name, EKS Pod Identity's container
 * endpoint, and {@code --role-arn} on top. The process's own environment and system properties are
 * never read: planted ones are not used.
 */
class AwsCredentialsCommandTest {
  static final String PROFILE_KEY = "AKIDPROFILEPUSHER01";
  static final String PROFILE_SECRET = "profile-Secret-Never-Printed-9";
  static final String DEFAULT_KEY = "AKIDDEFAULTPROFILE1";
  static final String DEFAULT_SECRET = "default-Secret-Never-Printed-7";
  static final String ENV_KEY = "AKIDENVIRONMENTKEY1";
  static final String ENV_SECRET = "env-Secret-Never-Printed-3";
  static final String ENV_SESSION = "env-Session-Never-Printed-5";
  static final String WEB_TOKEN = "eyJ.web-identity-Token-Never-Printed.sig";
  static final String POD_TOKEN = "pod-identity-Token-Never-Printed-2";
  static final String ROLE = "arn:aws:iam::123456789012:role/cross-account-pusher";
  static final String IRSA_ROLE = "arn:aws:iam::123456789012:role/irsa-pusher";

  @TempDir
  static Path dir;
  static EcrRig ecr;
  static StsFake sts;
  static TestImages.Layout image;
  static Path config;
  static Path credentials;
  static Path home;

  @BeforeAll
  static void start() throws Exception {
    ecr = EcrRig.start(dir.resolve("ecr"));
    sts = StsFake.start();
    image = TestImages.single(dir.resolve("img"), 71, 2, 8 * 1024, false, "v1");
    config = Files.writeString(dir.resolve("aws-config"), "[profile pusher]\nregion = " + EcrRig.REGION + "\n");
    credentials = Files.writeString(dir.resolve("aws-credentials"), "[pusher]\naws_access_key_id = "
        + PROFILE_KEY + "\naws_secret_access_key = " + PROFILE_SECRET + "\n");
    home = Files.createDirectories(dir.resolve("home"));
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = " + DEFAULT_KEY
        + "\naws_secret_access_key = " + DEFAULT_SECRET + "\n");
    Files.writeString(home.resolve(".aws/config"), "[default]\nregion = " + EcrRig.REGION + "\n");
  }

  @AfterAll
  static void stop() throws Exception {
    sts.close();
    ecr.close();
  }

  /** Variables of an environment with no credentials of its own and no instance metadata. */
  static Map<String, String> environment(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of("AWS_EC2_METADATA_DISABLED", "true",
        "HOME", dir.resolve("empty-home").toString()));
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  static Map<String, String> sharedFiles(String... more) {
    Map<String, String> env = environment(more);
    env.put("AWS_CONFIG_FILE", config.toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
    return env;
  }

  static Run push(Map<String, String> environment, String repository, String... extra) {
    List<String> args = new ArrayList<>(List.of("push", "--from", image.ociSource(), "--to", repository + ":1",
        "--ecr", "--ecr-endpoint", ecr.control().endpoint().toString(), "--insecure-registry",
        ecr.registryAuthority(), "--create-repository", "-o", "json"));
    args.addAll(List.of(extra));
    return Cli.runWith(environment, args.toArray(String[]::new));
  }

  private static List<SignedCall> ecrCallsSince(int before) {
    List<SignedCall> calls = ecr.control().calls();
    return calls.subList(before, calls.size());
  }

  private static void assertSignedBy(int before, String keyId, boolean sessionToken) {
    assertThat(ecrCallsSince(before)).extracting(SignedCall::operation).contains("GetAuthorizationToken");
    assertThat(ecrCallsSince(before)).allSatisfy(call -> {
      assertThat(call.accessKeyId()).as(call.operation()).isEqualTo(keyId);
      assertThat(call.sessionToken()).as(call.operation()).isEqualTo(sessionToken);
    });
  }

  private static void assertNoSecrets(Run run, String... secrets) {
    for (String secret : List.of(PROFILE_SECRET, DEFAULT_SECRET, ENV_SECRET, ENV_SESSION, WEB_TOKEN, POD_TOKEN)) {
      assertThat(run.out() + run.err()).doesNotContain(secret);
    }
    for (String secret : secrets) {
      assertThat(run.out() + run.err()).doesNotContain(secret);
    }
  }

  @Test
  void aNamedProfileFromTheFilesTheEnvironmentNamesSignsTheEcrCalls() {
    int before = ecr.control().calls().size();
    Run run = push(sharedFiles(), "cli/profile", "--profile", "pusher", "--region", EcrRig.REGION);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertSignedBy(before, PROFILE_KEY, false);
    assertNoSecrets(run);
  }

  @Test
  void awsProfileAndTheProfilesRegionComeFromTheEnvironment() {
    int before = ecr.control().calls().size();
    Run run = push(sharedFiles("AWS_PROFILE", "pusher"), "cli/env-profile");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertSignedBy(before, PROFILE_KEY, false);
  }

  @Test
  void theDefaultProfileUnderHomeIsUsedWhenNothingElseIsGiven() {
    int before = ecr.control().calls().size();
    Run run = push(environment("HOME", home.toString()), "cli/home");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertSignedBy(before, DEFAULT_KEY, false);
    assertNoSecrets(run);
  }

  @Test
  void keysInTheEnvironmentComeFirstWithTheirSessionToken() {
    int before = ecr.control().calls().size();
    Run run = push(sharedFiles("AWS_PROFILE", "pusher", "AWS_ACCESS_KEY_ID", ENV_KEY, "AWS_SECRET_ACCESS_KEY",
        ENV_SECRET, "AWS_SESSION_TOKEN", ENV_SESSION, "AWS_DEFAULT_REGION", EcrRig.REGION), "cli/env-keys");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertSignedBy(before, ENV_KEY, true);
    assertNoSecrets(run);
  }

  @Test
  void webIdentityExchangesTheTokenFileAtStsAndSignsWithTheIssuedKey() throws Exception {
    Path token = Files.writeString(dir.resolve("irsa-token"), WEB_TOKEN);
    int before = ecr.control().calls().size();
    int stsBefore = sts.calls().size();
    Run run = push(sharedFiles("AWS_PROFILE", "pusher", "AWS_ROLE_ARN", IRSA_ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE",
        token.toString(), "AWS_REGION", EcrRig.REGION), "cli/irsa", "--sts-endpoint", sts.endpoint().toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    StsFake.AssumeRole call = sts.calls().get(stsBefore);
    assertThat(call.action()).isEqualTo("AssumeRoleWithWebIdentity");
    assertThat(call.roleArn()).isEqualTo(IRSA_ROLE);
    assertThat(call.webIdentityToken()).isEqualTo(WEB_TOKEN);
    assertThat(call.caller().accessKeyId()).as("web identity is exchanged unsigned").isNull();
    assertSignedBy(before, call.issuedKeyId(), true);
    assertNoSecrets(run, call.issuedSecret(), call.issuedSessionToken());
  }

  @Test
  void eksPodIdentityCredentialsComeFromTheContainerEndpointWithTheTokenFile() throws Exception {
    Path token = Files.writeString(dir.resolve("pod-token"), POD_TOKEN);
    try (ContainerCredentialsFake pod = ContainerCredentialsFake.start(POD_TOKEN)) {
      int before = ecr.control().calls().size();
      Run run = push(environment("AWS_CONTAINER_CREDENTIALS_FULL_URI", pod.fullUri().toString(),
          "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token.toString(), "AWS_REGION", EcrRig.REGION), "cli/pod");

      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(pod.served()).isPositive();
      assertSignedBy(before, pod.issuedKeyId(), true);
      assertNoSecrets(run, pod.issuedSecret());
    }
  }

  @Test
  void roleArnAssumesTheRoleWithTheProfileAndSignsEcrCallsWithTheTemporaryKey() {
    int before = ecr.control().calls().size();
    int stsBefore = sts.calls().size();
    Run run = push(sharedFiles(), "cli/role", "--profile", "pusher", "--role-arn", ROLE, "--sts-endpoint",
        sts.endpoint().toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(sts.calls()).hasSize(stsBefore + 1);
    StsFake.AssumeRole assumed = sts.calls().get(stsBefore);
    assertThat(assumed.action()).isEqualTo("AssumeRole");
    assertThat(assumed.roleArn()).isEqualTo(ROLE);
    assertThat(assumed.sessionName()).isEqualTo("rollout-pilot-push");
    assertThat(assumed.caller().accessKeyId()).as("STS is called with the profile's key").isEqualTo(PROFILE_KEY);
    assertSignedBy(before, assumed.issuedKeyId(), true);
    assertNoSecrets(run, assumed.issuedSecret(), assumed.issuedSessionToken());
  }

  @Test
  void anUnknownProfileIsAnEnvironmentErrorNamingIt() {
    int before = ecr.control().calls().size();
    Run run = push(sharedFiles(), "cli/none", "--profile", "no-such-profile", "--region", EcrRig.REGION);

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("no-such-profile").contains("hint:");
    assertThat(ecrCallsSince(before)).as("nothing is sent unsigned").isEmpty();
    assertNoSecrets(run);
  }

  @Test
  void anEnvironmentWithoutCredentialsSaysSoAndSendsNothing() {
    int before = ecr.control().calls().size();
    Run run = push(environment("AWS_REGION", EcrRig.REGION), "cli/nothing");

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("no AWS credentials in the environment").contains("AWS_ACCESS_KEY_ID");
    assertThat(ecrCallsSince(before)).isEmpty();
  }

  /** The SDK's default chain would take these; the engine must not look at the process at all. */
  @Test
  void theProcessesOwnSystemPropertiesAreNotRead() {
    String previousKey = System.setProperty("aws.accessKeyId", "AKIDSYSTEMPROPERTY1");
    String previousSecret = System.setProperty("aws.secretAccessKey", "system-property-secret");
    String previousFile = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    try {
      int before = ecr.control().calls().size();
      Run run = push(environment("HOME", home.toString()), "cli/not-the-process");

      assertThat(run.exit()).as(run.toString()).isZero();
      assertSignedBy(before, DEFAULT_KEY, false);
    } finally {
      restore("aws.accessKeyId", previousKey);
      restore("aws.secretAccessKey", previousSecret);
      restore("aws.sharedCredentialsFile", previousFile);
    }
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }
}
