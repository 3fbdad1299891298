package io.rolloutpilot.core.image.oci;

import io.rolloutpilot.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * TLS for registry connections: verification is always on, against {@code trust} (null means the
 * JDK's default trust store), except for the registries named in {@code insecureRegistries}
 * ({@code host:port}), which may also be reached over plain HTTP. {@link #withCaCertificates} builds
 * {@code trust} for registries behind a private CA.
 */
public record TlsSettings(SSLContext trust, Set<String> insecureRegistries) {
  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:]+\\](:[0-9]{1,5})?");

  public TlsSettings {
    insecureRegistries = Set.copyOf(insecureRegistries);
  }

  public static TlsSettings verified() {
    return new TlsSettings(null, Set.of());
  }

  /**
   * Verification against the JDK's default trust store plus the CA certificates in the PEM file
   * {@code caCertFile} (option {@code field}). The file is read and checked here, eagerly, so bad input
   * is reported before any registry is contacted.
   */
  public static TlsSettings withCaCertificates(String field, Path caCertFile, Set<String> insecureRegistries) {
    return new TlsSettings(ExtraCaTrust.context(CaCertificates.read(field, caCertFile)), insecureRegistries);
  }

  /** Validates one {@code --insecure-registry} value: a host with an optional port, nothing else. */
  public static String requireHostPort(String field, String value) {
    if (value == null || !HOST_PORT.matcher(value).matches()) {
      throw new InvalidInputException(field, "'" + value + "' must be HOST or HOST:PORT, e.g. 127.0.0.1:5000"
          + " (no scheme, no path)");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  public boolean insecure(String authority) {
    return insecureRegistries.contains(authority.toLowerCase(Locale.ROOT));
  }
}
