package io.rolloutpilot.core.image.ecr;

/** Where the AWS credentials come from: the SDK's default chain, a named profile, or static keys. */
public sealed interface AwsCredentialsSpec {
  /** Environment, system properties, web identity (IRSA), SSO, profile, container and instance roles. */
  record DefaultChain() implements AwsCredentialsSpec {}

  /** A profile of the shared config and credentials files. */
  record Profile(String name) implements AwsCredentialsSpec {}

  /** Keys handed over directly (e.g. by a CI credentials store); {@link #toString()} hides the secret parts. */
  record Static(String accessKeyId, String secretAccessKey, String sessionToken) implements AwsCredentialsSpec {
    @Override
    public String toString() {
      return "Static[" + accessKeyId + ", secret hidden" + (sessionToken == null ? "" : ", session token hidden") + "]";
    }
  }
}
