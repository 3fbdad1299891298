package io.rolloutpilot.core.image.ecr;

import java.util.Map;

/**
 * Where the AWS credentials come from. The engine reads no environment of its own: a front end passes
 * the variables it means (the CLI its process's, a Jenkins step the build's, where a {@code withAWS}
 * block put its keys or role), and every file and endpoint is taken from them.
 */
public sealed interface AwsCredentialsSpec {
  /**
   * The chain of {@link AwsEnvironment}: keys from the variables, else web identity (IRSA), else a
   * profile of the files they name, else container credentials (EKS Pod Identity, ECS), else the
   * instance profile. {@link #toString()} names no value.
   */
  record Environment(Map<String, String> variables) implements AwsCredentialsSpec {
    public Environment {
      variables = Map.copyOf(variables);
    }

    @Override
    public String toString() {
      return "Environment[" + variables.size() + " variables, values hidden]";
    }
  }

  /**
   * A profile of the shared config and credentials files the variables name ({@code AWS_CONFIG_FILE},
   * {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code $HOME/.aws/}). {@link #toString()} names no value.
   */
  record Profile(String name, Map<String, String> environment) implements AwsCredentialsSpec {
    public Profile {
      environment = Map.copyOf(environment);
    }

    @Override
    public String toString() {
      return "Profile[" + name + ", " + environment.size() + " variables, values hidden]";
    }
  }

  /** Keys handed over directly (e.g. by a CI credentials store); {@link #toString()} hides the secret parts. */
  record Static(String accessKeyId, String secretAccessKey, String sessionToken) implements AwsCredentialsSpec {
    @Override
    public String toString() {
      return "Static[" + accessKeyId + ", secret hidden" + (sessionToken == null ? "" : ", session token hidden") + "]";
    }
  }
}
