package io.rolloutpilot.core.image.oci;

import java.util.Optional;

/**
 * Supplies the credentials for one registry. A refreshable supplier (ECR's authorization token) gets
 * one chance to renew them when the registry rejects the current ones.
 */
public interface RegistryCredentials {
  /** The credentials to send now; empty for anonymous access. */
  Optional<BasicCredentials> current();

  /** Drops the current credentials and fetches new ones; false when there is nothing to renew. */
  default boolean refresh() {
    return false;
  }

  static RegistryCredentials anonymous() {
    return Optional::empty;
  }

  static RegistryCredentials of(BasicCredentials credentials) {
    return () -> Optional.of(credentials);
  }
}
