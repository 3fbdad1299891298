package io.rolloutpilot.core.image.ecr;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** Builds the SDK's ECR client from {@link EcrSettings}: credentials, optional assumed role, JDK HTTP client. */
public final class EcrClients {
  private EcrClients() {}

  public static EcrClient create(EcrSettings settings) {
    Region region = Region.of(settings.region());
    AwsCredentialsProvider credentials = base(settings.credentials());
    if (settings.roleArn() != null) {
      StsClientBuilder sts = StsClient.builder().region(region).credentialsProvider(credentials)
          .httpClientBuilder(UrlConnectionHttpClient.builder());
      if (settings.stsEndpoint() != null) {
        sts.endpointOverride(settings.stsEndpoint());
      }
      credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts.build())
          .refreshRequest(r -> r.roleArn(settings.roleArn()).roleSessionName("rollout-pilot-push")).build();
    }
    EcrClientBuilder builder = EcrClient.builder().region(region).credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (settings.apiEndpoint() != null) {
      builder.endpointOverride(settings.apiEndpoint());
    }
    return builder.build();
  }

  static AwsCredentialsProvider base(AwsCredentialsSpec spec) {
    if (spec instanceof AwsCredentialsSpec.Profile profile) {
      return ProfileCredentialsProvider.builder().profileName(profile.name()).build();
    }
    if (spec instanceof AwsCredentialsSpec.Static keys) {
      return StaticCredentialsProvider.create(keys.sessionToken() == null
          ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
          : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
