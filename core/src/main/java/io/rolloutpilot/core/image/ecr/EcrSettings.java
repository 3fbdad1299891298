package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.error.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How to reach one ECR registry. {@code registryId} (the account) may be null: then the caller's own
 * registry, as GetAuthorizationToken names it. {@code roleArn} switches to an assumed role (cross-account).
 * {@code apiEndpoint}, {@code registryEndpoint} and {@code stsEndpoint} (for the role) override the AWS
 * endpoints (VPC endpoints, tests).
 */
public record EcrSettings(String region, String registryId, AwsCredentialsSpec credentials, String roleArn,
    URI apiEndpoint, URI registryEndpoint, URI stsEndpoint, Duration tokenRefreshMargin) {
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final Pattern HOST = Pattern.compile("([0-9]{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

  public EcrSettings {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new InvalidInputException("region", "'" + region + "' is not an AWS region such as eu-west-1");
    }
    if (registryId != null && !ACCOUNT.matcher(registryId).matches()) {
      throw new InvalidInputException("registryId", "'" + registryId + "' is not a 12-digit AWS account id");
    }
    if (roleArn != null && !roleArn.startsWith("arn:aws")) {
      throw new InvalidInputException("roleArn", "'" + roleArn + "' is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
    }
    if (tokenRefreshMargin == null) {
      tokenRefreshMargin = Duration.ofMinutes(30);
    }
  }

  /** The account and region of an ECR registry host name, if it is one. */
  public record HostParts(String account, String region) {}

  public static java.util.Optional<HostParts> parseHost(String host) {
    java.util.regex.Matcher m = HOST.matcher(host == null ? "" : host);
    return m.matches() ? java.util.Optional.of(new HostParts(m.group(1), m.group(2))) : java.util.Optional.empty();
  }

  /** The registry host for {@code account}: {@code <account>.dkr.ecr.<region>.amazonaws.com[.cn]}. */
  public String hostFor(String account) {
    return account + ".dkr.ecr." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "");
  }
}
