package io.rolloutpilot.cli.push;

import io.rolloutpilot.core.image.ecr.AwsCredentialsSpec;
import io.rolloutpilot.core.image.ecr.AwsEnvironment;
import io.rolloutpilot.core.image.ecr.EcrSettings;
import io.rolloutpilot.core.image.ecr.RepositoryRequest;
import io.rolloutpilot.core.image.ecr.ScanGateSpec;
import io.rolloutpilot.core.validation.Durations;
import io.rolloutpilot.core.error.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code push} options for Amazon ECR. */
public final class EcrOptions {
  @Option(names = "--ecr", description = "push to Amazon ECR: token, repository pre-flight, scan gate")
  boolean ecr;

  @Option(names = "--region", paramLabel = "R", description = "AWS region of the registry (default: from the --to"
      + " host, else $AWS_REGION, $AWS_DEFAULT_REGION or the profile's region)")
  String region;

  @Option(names = "--registry-id", paramLabel = "ACCOUNT", description = "registry (account) id; default: from"
      + " the --to host, else the caller's own registry")
  String registryId;

  @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile of $AWS_CONFIG_FILE and"
      + " $AWS_SHARED_CREDENTIALS_FILE, else ~/.aws (default: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, else"
      + " AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, else $AWS_PROFILE or default, else container credentials,"
      + " else the instance profile)")
  String profile;

  @Option(names = "--role-arn", paramLabel = "ARN", description = "assume this role with STS first (cross-account)")
  String roleArn;

  @Option(names = "--create-repository", description = "create the repository when it does not exist")
  boolean createRepository;

  @Option(names = "--scan-on-push", description = "with --create-repository: enable scan on push")
  boolean scanOnPush;

  /** No picocli default, so that a value given without --ecr can be told from the default. */
  @Option(names = "--encryption", paramLabel = "AES256|KMS",
      description = "with --create-repository: encryption type (default: AES256)")
  String encryption;

  @Option(names = "--kms-key", paramLabel = "ARN", description = "with --encryption KMS: the key")
  String kmsKey;

  @Option(names = "--scan-gate", paramLabel = "SPEC", description = "wait for the scan of the pushed digest and fail"
      + " (exit 1) when findings exceed limits, e.g. CRITICAL=0,HIGH=5")
  String scanGate;

  @Option(names = "--scan-timeout", paramLabel = "D", description = "how long to wait for the scan (default: 10m)")
  String scanTimeout;

  @Option(names = "--ecr-endpoint", paramLabel = "URL", description = "ECR API endpoint (VPC endpoint or a test stand-in)")
  URI apiEndpoint;

  @Option(names = "--ecr-registry-endpoint", paramLabel = "URL",
      description = "registry endpoint to push to instead of <account>.dkr.ecr.<region>.amazonaws.com")
  URI registryEndpoint;

  @Option(names = "--sts-endpoint", paramLabel = "URL", description = "STS endpoint for --role-arn (VPC endpoint"
      + " or a test stand-in)")
  URI stsEndpoint;

  boolean enabled() {
    return ecr;
  }

  EcrSettings settings(String hostAccount, String hostRegion, Map<String, String> environment) {
    String r = region != null ? region : hostRegion != null ? hostRegion
        : new AwsEnvironment(environment).region(profile).orElse(null);
    if (r == null) {
      throw new InvalidInputException("region", "is required with --ecr unless --to names an ECR host, AWS_REGION"
          + " or AWS_DEFAULT_REGION is set, or the profile has a region");
    }
    AwsCredentialsSpec credentials = profile == null ? new AwsCredentialsSpec.Environment(environment)
        : new AwsCredentialsSpec.Profile(profile, environment);
    return new EcrSettings(r, registryId != null ? registryId : hostAccount, credentials, roleArn, apiEndpoint,
        registryEndpoint, stsEndpoint, null);
  }

  RepositoryRequest repositoryRequest(boolean immutableTags) {
    return new RepositoryRequest(createRepository, immutableTags, scanOnPush, encryption, kmsKey);
  }

  ScanGateSpec gate() {
    return scanGate == null ? null : ScanGateSpec.parse(scanGate);
  }

  Duration scanTimeout() {
    return Durations.parse("scanTimeout", scanTimeout == null ? "10m" : scanTimeout);
  }

  /** Options that only mean something for ECR are refused without {@code --ecr}, rather than ignored. */
  void requireNoEcrOptions() {
    String given = region != null ? "region" : registryId != null ? "registryId" : profile != null ? "profile"
        : roleArn != null ? "roleArn" : createRepository ? "createRepository" : scanOnPush ? "scanOnPush"
        : encryption != null ? "encryption" : kmsKey != null ? "kmsKey" : scanGate != null ? "scanGate"
        : scanTimeout != null ? "scanTimeout" : apiEndpoint != null ? "apiEndpoint"
        : registryEndpoint != null ? "registryEndpoint" : stsEndpoint != null ? "stsEndpoint" : null;
    if (given != null) {
      throw new InvalidInputException(given, "applies to Amazon ECR only; add --ecr, or leave it out");
    }
  }
}
