package io.rolloutpilot.core.image.oci;

import io.rolloutpilot.core.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CA certificates of a PEM file given with {@code --ca-cert}. The blocks are cut out and
 * decoded here rather than handed to {@link CertificateFactory#generateCertificates} as a stream:
 * that parser also takes DER and skips text it does not understand, so a wrong file could silently
 * yield fewer (or no) CAs. Every problem is an {@link InvalidInputException} naming the option, raised
 * before any connection is made.
 */
public final class CaCertificates {
  /** Far above any real CA bundle (the JDK's is ~200 KiB); stops a mistyped path to a huge file. */
  private static final long MAX_BYTES = 8L * 1024 * 1024;
  private static final Pattern ANY_PEM = Pattern.compile("-----BEGIN [A-Z0-9 ]+-----");
  private static final Pattern CERTIFICATE = Pattern.compile(
      "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

  private CaCertificates() {}

  public static List<X509Certificate> read(String field, Path file) {
    String pem = text(field, file);
    if (!ANY_PEM.matcher(pem).find()) {
      throw new InvalidInputException(field, "'" + file + "' is not a PEM file; give the CA certificate(s) as"
          + " -----BEGIN CERTIFICATE----- blocks");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher block = CERTIFICATE.matcher(pem);
    while (block.find()) {
      certificates.add(decode(field, file, certificates.size() + 1, block.group(1)));
    }
    if (certificates.isEmpty()) {
      throw new InvalidInputException(field, "'" + file + "' holds no certificate (no complete -----BEGIN"
          + " CERTIFICATE----- block); give the CA certificate, not a key or request");
    }
    return List.copyOf(certificates);
  }

  private static String text(String field, Path file) {
    try {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new InvalidInputException(field, "'" + file + "' is not a readable file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidInputException(field, "'" + file + "' is larger than 8 MiB; give a PEM CA bundle");
      }
      // PEM is ASCII; ISO-8859-1 maps every byte, so binary input reaches the "not PEM" message intact
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new InvalidInputException(field, "'" + file + "' cannot be read: " + e.getMessage());
    }
  }

  private static X509Certificate decode(String field, Path file, int index, String base64) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64);
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (IllegalArgumentException | CertificateException e) {
      throw new InvalidInputException(field, "certificate " + index + " in '" + file + "' is not a valid X.509"
          + " certificate: " + e.getMessage());
    }
  }
}
