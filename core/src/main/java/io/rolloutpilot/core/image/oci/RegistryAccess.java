package io.rolloutpilot.core.image.oci;

/**
 * How to reach registries for one push: which certificates to trust (and which registries the user
 * named insecure), and which credentials to present to which registry.
 */
public record RegistryAccess(TlsSettings tls, CredentialsResolver credentials) {
  /** Verified TLS against the JDK's trust store, no credentials. */
  public static RegistryAccess anonymous() {
    return new RegistryAccess(TlsSettings.verified(), CredentialsResolver.anonymous());
  }
}
