package io.rolloutpilot.core.image.ecr;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsWebIdentityTokenFileCredentialsProvider;

/**
 * Builds the credentials provider an {@link AwsCredentialsSpec} names, with every file, role and
 * endpoint set from the variables the front end passed, so the SDK's own look at the process
 * environment, system properties and {@code ~/.aws} never decides. What is left of it is said where
 * it happens: the profile features that start other providers, and the instance metadata switches.
 */
final class AwsCredentialChain {
  /** The provider and, for messages, where its credentials come from (never a value). */
  record Chosen(AwsCredentialsProvider provider, String source) {}

  private static final String SESSION_NAME = "rollout-pilot-push";
  private static final String IMDS = "http://169.254.169.254";

  private AwsCredentialChain() {}

  /** @param clients receives the STS clients it builds, for the caller to close */
  static Chosen of(AwsCredentialsSpec spec, Region region, URI stsEndpoint, List<AutoCloseable> clients,
      Clock clock) {
    if (spec instanceof AwsCredentialsSpec.Static keys) {
      return new Chosen(staticKeys(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()), "static keys");
    }
    if (spec instanceof AwsCredentialsSpec.Profile profile) {
      AwsEnvironment environment = new AwsEnvironment(profile.environment());
      return new Chosen(profile(environment, profile.name(), true), "profile " + profile.name() + " in "
          + environment.profileFilesDescription());
    }
    return fromEnvironment(new AwsEnvironment(((AwsCredentialsSpec.Environment) spec).variables()), region,
        stsEndpoint, clients, clock);
  }

  private static Chosen fromEnvironment(AwsEnvironment env, Region region, URI stsEndpoint,
      List<AutoCloseable> clients, Clock clock) {
    Optional<String> keyId = env.get(AwsEnvironment.ACCESS_KEY_ID);
    Optional<String> secret = env.get(AwsEnvironment.SECRET_ACCESS_KEY);
    if (keyId.isPresent() && secret.isPresent()) {
      return new Chosen(staticKeys(keyId.get(), secret.get(), env.get(AwsEnvironment.SESSION_TOKEN).orElse(null)),
          "the environment's " + AwsEnvironment.ACCESS_KEY_ID);
    }
    Optional<String> tokenFile = env.get(AwsEnvironment.WEB_IDENTITY_TOKEN_FILE);
    Optional<String> role = env.get(AwsEnvironment.ROLE_ARN);
    if (tokenFile.isPresent() && role.isPresent()) {
      return new Chosen(webIdentity(env, Path.of(tokenFile.get()), role.get(), region, stsEndpoint, clients),
          "web identity (" + AwsEnvironment.ROLE_ARN + " " + role.get() + ")");
    }
    Optional<ProfileFile> files = env.profileFile();
    if (env.profileNamed() || files.flatMap(f -> f.profile(env.profileName())).isPresent()) {
      return new Chosen(profile(env, env.profileName(), env.profileNamed()), "profile " + env.profileName()
          + " in " + env.profileFilesDescription());
    }
    ContainerCredentials container = ContainerCredentials.from(env, clock);
    if (container != null) {
      return new Chosen(container, "the container credentials endpoint");
    }
    if (env.get(AwsEnvironment.EC2_METADATA_DISABLED).filter("true"::equalsIgnoreCase).isPresent()) {
      return null;
    }
    // The SDK's instance metadata client still reads AWS_EC2_METADATA_DISABLED, AWS_EC2_METADATA_V1_DISABLED
    // and the endpoint mode from the process environment and system properties itself.
    return new Chosen(InstanceProfileCredentialsProvider.builder()
        .endpoint(env.get(AwsEnvironment.EC2_METADATA_ENDPOINT).orElse(IMDS))
        .profileFile(files.orElse(ProfileFile.aggregator().build())).profileName(env.profileName()).build(),
        "the instance profile");
  }

  private static AwsCredentialsProvider staticKeys(String keyId, String secret, String sessionToken) {
    return StaticCredentialsProvider.create(sessionToken == null ? AwsBasicCredentials.create(keyId, secret)
        : AwsSessionCredentials.create(keyId, secret, sessionToken));
  }

  /**
   * A profile of the explicit files. The SDK acts on what the profile says: {@code role_arn} with a
   * {@code source_profile} builds its own STS client, {@code credential_source = Environment} reads the
   * process environment, {@code credential_process} runs a program, {@code sso_*} uses the SSO cache.
   */
  private static AwsCredentialsProvider profile(AwsEnvironment env, String name, boolean required) {
    ProfileFile files = env.profileFile().orElseThrow(() -> new IllegalArgumentException("profile " + name
        + ": there is no AWS config or credentials file (" + env.profileFilesDescription() + ")"));
    if (required && files.profile(name).isEmpty()) {
      throw new IllegalArgumentException("profile " + name + " is not in " + env.profileFilesDescription());
    }
    return ProfileCredentialsProvider.builder().profileFile(files).profileName(name).build();
  }

  /** IRSA: the token file and role from the variables, exchanged at STS without signing. */
  private static AwsCredentialsProvider webIdentity(AwsEnvironment env, Path tokenFile, String role, Region region,
      URI stsEndpoint, List<AutoCloseable> clients) {
    StsClient sts = EcrClients.sts(region, AnonymousCredentialsProvider.create(), stsEndpoint, env);
    clients.add(sts);
    StsWebIdentityTokenFileCredentialsProvider provider = StsWebIdentityTokenFileCredentialsProvider.builder()
        .stsClient(sts).roleArn(role).webIdentityTokenFile(tokenFile)
        .roleSessionName(env.get(AwsEnvironment.ROLE_SESSION_NAME).orElse(SESSION_NAME)).build();
    clients.add(provider);
    return provider;
  }
}
