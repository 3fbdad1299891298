package io.rolloutpilot.cli.push;

import io.rolloutpilot.core.image.oci.BasicCredentials;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryCredentials;
import io.rolloutpilot.core.image.source.SourceSpec;
import io.rolloutpilot.core.validation.ImageReference;
import io.rolloutpilot.core.validation.InvalidInputException;

/** Registry credentials from {@code --username}/{@code --password-env} (destination) and the {@code --from-} pair. */
final class Credentials implements CredentialsResolver {
  private final String destinationHost;
  private final RegistryCredentials destination;
  private final String sourceHost;
  private final RegistryCredentials source;

  Credentials(String to, String user, String passwordEnv, SourceSpec from, String fromUser, String fromPasswordEnv) {
    this.destinationHost = ImageReference.parse("--to", to).registry();
    this.destination = of("--username", user, "--password-env", passwordEnv);
    this.sourceHost = from.image() == null ? null : from.image().registry();
    this.source = of("--from-username", fromUser, "--from-password-env", fromPasswordEnv);
  }

  @Override
  public RegistryCredentials forRegistry(String authority) {
    if (authority.equals(sourceHost) && source != null) {
      return source;
    }
    if (authority.equals(destinationHost) && destination != null) {
      return destination;
    }
    return RegistryCredentials.anonymous();
  }

  private static RegistryCredentials of(String userOption, String user, String envOption, String env) {
    if (user == null && env == null) {
      return null;
    }
    if (user == null || env == null) {
      throw new InvalidInputException(user == null ? userOption : envOption, "give both " + userOption + " and "
          + envOption);
    }
    String password = System.getenv(env);
    if (password == null) {
      throw new InvalidInputException(envOption, "the environment variable " + env + " is not set");
    }
    return RegistryCredentials.of(new BasicCredentials(user, password));
  }
}
