package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.error.ServerReply;
import io.rolloutpilot.core.error.UnauthorizedException;
import io.rolloutpilot.core.error.UnreachableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds the SDK's ECR client from {@link EcrSettings}: credentials from the spec (see
 * {@link AwsCredentialChain}), an optional assumed role, the JDK HTTP client with explicit timeouts.
 * Clients read their profile settings from the passed variables' files, not {@code ~/.aws}; the SDK's
 * client builders still read the service endpoint variables ({@code AWS_ENDPOINT_URL_ECR} and
 * {@code AWS_ENDPOINT_URL_STS} unless an endpoint is set here) and the retry and defaults modes from the
 * process environment themselves. Credentials are resolved once here, before any ECR call, so missing
 * or refused ones are reported naming their source and nothing is sent unsigned.
 */
public final class EcrClients {
  private static final Duration CONNECT = Duration.ofSeconds(10);
  private static final Duration SOCKET = Duration.ofSeconds(30);

  private EcrClients() {}

  public static EcrConnection open(EcrSettings settings) {
    return open(settings, java.time.Clock.systemUTC());
  }

  /** @param clock when cached credentials expire */
  public static EcrConnection open(EcrSettings settings, java.time.Clock clock) {
    Region region = Region.of(settings.region());
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      AwsEnvironment environment = environmentOf(settings.credentials());
      AwsCredentialChain.Chosen chosen = chain(settings, region, resources, clock);
      AwsCredentialsProvider credentials = chosen.provider();
      String source = chosen.source();
      if (settings.roleArn() != null) {
        StsClient sts = sts(region, credentials, settings.stsEndpoint(), environment);
        resources.add(sts);
        StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
            .refreshRequest(r -> r.roleArn(settings.roleArn()).roleSessionName("rollout-pilot-push")).build();
        resources.add(assumed);
        credentials = assumed;
        source = "role " + settings.roleArn() + " assumed with " + source;
      }
      resolveNow(credentials, source);
      EcrClientBuilder builder = EcrClient.builder().region(region).credentialsProvider(credentials)
          .httpClientBuilder(http()).overrideConfiguration(configuration(environment));
      if (settings.apiEndpoint() != null) {
        builder.endpointOverride(settings.apiEndpoint());
      }
      return new EcrConnection(builder.build(), resources);
    } catch (RuntimeException e) {
      EcrConnection.closeAll(resources);
      throw e;
    }
  }

  private static AwsCredentialChain.Chosen chain(EcrSettings settings, Region region, List<AutoCloseable> resources,
      java.time.Clock clock) {
    AwsCredentialChain.Chosen chosen;
    try {
      chosen = AwsCredentialChain.of(settings.credentials(), region, settings.stsEndpoint(), resources, clock);
    } catch (IllegalArgumentException | IllegalStateException | SdkException e) {
      throw noCredentials("the AWS credentials could not be set up: " + e.getMessage(), e);
    }
    if (chosen == null) {
      throw noCredentials("no AWS credentials in the environment: it has no AWS_ACCESS_KEY_ID and"
          + " AWS_SECRET_ACCESS_KEY, no AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, no profile, no container"
          + " credentials endpoint, and instance metadata is disabled", null);
    }
    return chosen;
  }

  static StsClient sts(Region region, AwsCredentialsProvider credentials, URI endpoint, AwsEnvironment environment) {
    StsClientBuilder sts = StsClient.builder().region(region).credentialsProvider(credentials)
        .httpClientBuilder(http()).overrideConfiguration(configuration(environment));
    if (endpoint != null) {
      sts.endpointOverride(endpoint);
    }
    return sts.build();
  }

  /** Fails here, naming the source, rather than at the first ECR call. */
  private static void resolveNow(AwsCredentialsProvider credentials, String source) {
    try {
      credentials.resolveCredentials();
    } catch (AwsServiceException e) {
      throw EcrErrors.from("getting credentials from " + source, e, "sts:AssumeRole (or"
          + " sts:AssumeRoleWithWebIdentity) on the role");
    } catch (SdkException | IllegalArgumentException | IllegalStateException e) {
      if (isIo(e)) {
        throw new UnreachableException(new Details(null, "getting AWS credentials from " + source + " failed: "
            + e.getMessage(), Hint.CHECK_AWS_ACCESS, new ServerReply(EcrErrors.SERVER, 0,
            e.getClass().getSimpleName())), e);
      }
      throw noCredentials("no AWS credentials from " + source + ": " + e.getMessage(), e);
    }
  }

  private static UnauthorizedException noCredentials(String message, Throwable cause) {
    String code = cause == null ? "NoCredentials" : cause.getClass().getSimpleName();
    return new UnauthorizedException(new Details(null, message, Hint.CHECK_AWS_ACCESS,
        new ServerReply(EcrErrors.SERVER, 0, code)), cause);
  }

  /** The variables' profile file for client settings, or an empty one: never the process's {@code ~/.aws}. */
  private static ClientOverrideConfiguration configuration(AwsEnvironment environment) {
    ProfileFile files = environment.profileFile().orElseGet(() -> ProfileFile.aggregator().build());
    return ClientOverrideConfiguration.builder().defaultProfileFile(files)
        .defaultProfileName(environment.profileName()).build();
  }

  private static AwsEnvironment environmentOf(AwsCredentialsSpec spec) {
    if (spec instanceof AwsCredentialsSpec.Environment env) {
      return new AwsEnvironment(env.variables());
    }
    if (spec instanceof AwsCredentialsSpec.Profile profile) {
      return new AwsEnvironment(profile.environment());
    }
    return new AwsEnvironment(Map.of());
  }

  private static UrlConnectionHttpClient.Builder http() {
    return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT).socketTimeout(SOCKET);
  }

  /** The SDK reports a connection that failed as an SdkClientException caused by an IOException. */
  private static boolean isIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
