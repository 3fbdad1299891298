package io.rolloutpilot.testkit.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs registry tokens: JWTs with RS256 whose header carries the signing certificate ({@code x5c}),
 * which docker-registry verifies against its {@code rootcertbundle} (the same certificate's PEM).
 */
public final class TokenSigner {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final ObjectMapper json;

  private TokenSigner(PrivateKey key, X509Certificate certificate, ObjectMapper json) {
    this.key = key;
    this.certificate = certificate;
    this.json = json;
  }

  /** Loads the key (PKCS#8 PEM, as openssl 3 writes it) and the certificate of {@code signer}. */
  public static TokenSigner of(TestCertificate signer, ObjectMapper json) throws IOException {
    try (InputStream in = Files.newInputStream(signer.certificate())) {
      X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      String pem = Files.readString(signer.key(), StandardCharsets.US_ASCII);
      if (!pem.contains("BEGIN PRIVATE KEY")) {
        throw new IOException(signer.key() + " is not an unencrypted PKCS#8 key");
      }
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
          Base64.getDecoder().decode(base64)));
      return new TokenSigner(key, cert, json);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load the token signing key", e);
    }
  }

  /** A compact JWS of {@code claims}. */
  public String sign(Map<String, Object> claims) {
    try {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("typ", "JWT");
      header.put("alg", "RS256");
      header.put("x5c", List.of(Base64.getEncoder().encodeToString(certificate.getEncoded())));
      String signed = URL.encodeToString(json.writeValueAsBytes(header)) + "."
          + URL.encodeToString(json.writeValueAsBytes(claims));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + URL.encodeToString(rsa.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }
}
