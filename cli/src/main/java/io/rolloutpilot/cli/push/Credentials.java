package io.rolloutpilot.cli.push;

import io.rolloutpilot.core.image.oci.BasicCredentials;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryCredentials;
import io.rolloutpilot.core.image.source.SourceSpec;
import io.rolloutpilot.core.image.reference.ImageReference;
import io.rolloutpilot.cli.common.OptionNames;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import java.util.Map;
import java.util.regex.Pattern;

/** Registry credentials from {@code --username}/{@code --password-env} (destination) and the {@code --from-} pair. */
final class Credentials implements CredentialsResolver {
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** How environment variables are named by convention: upper case, digits and '_'. */
  private static final Pattern CONVENTIONAL_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

  private final String destinationHost;
  private final RegistryCredentials destination;
  private final String sourceHost;
  private final RegistryCredentials source;

  Credentials(String to, String user, String passwordEnv, SourceSpec from, String fromUser, String fromPasswordEnv,
      Map<String, String> environment) {
    this.destinationHost = ImageReference.parse("to", to).registry();
    this.destination = of("username", user, "passwordEnv", passwordEnv, environment);
    this.sourceHost = from.image() == null ? null : from.image().registry();
    this.source = of("fromUsername", fromUser, "fromPasswordEnv", fromPasswordEnv, environment);
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

  private static RegistryCredentials of(String userField, String user, String envField, String env,
      Map<String, String> environment) {
    if (user == null && env == null) {
      return null;
    }
    if (user == null || env == null) {
      throw new InvalidInputException(user == null ? userField : envField, "give both "
          + OptionNames.of(userField) + " and " + OptionNames.of(envField));
    }
    if (!VARIABLE_NAME.matcher(env).matches()) {
      // never echoed: a password typed here by mistake must not reach the log
      throw new InvalidInputException(new Details(envField, "is not an environment variable's name",
          Hint.SECRET_BY_VARIABLE_NAME, null));
    }
    String password = environment.get(env);
    if (password == null || password.isEmpty()) {
      // a conventional variable name is shown; anything else may be a password typed in its place
      String named = CONVENTIONAL_NAME.matcher(env).matches() ? "the environment variable " + env
          : "the environment variable it names (not repeated: it does not look like a variable's name)";
      throw new InvalidInputException(new Details(envField, named + " is not set or empty",
          Hint.SECRET_BY_VARIABLE_NAME, null));
    }
    return RegistryCredentials.of(new BasicCredentials(user, password));
  }
}
