package io.rolloutpilot.core.image.oci;

/** Which credentials to use for which registry {@code host[:port]}. */
@FunctionalInterface
public interface CredentialsResolver {
  RegistryCredentials forRegistry(String authority);

  static CredentialsResolver anonymous() {
    return authority -> RegistryCredentials.anonymous();
  }
}
