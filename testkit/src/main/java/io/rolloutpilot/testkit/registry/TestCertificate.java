package io.rolloutpilot.testkit.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made with openssl: PEM files
 * for docker-registry, a {@code ca.crt} directory for skopeo, a PKCS#12 key store for Java servers,
 * and an {@link SSLContext} that trusts exactly this certificate for clients.
 */
public record TestCertificate(Path certificate, Path key, Path keyStore, Path skopeoCertDir) {
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();

  public static TestCertificate create(Path dir) throws IOException, InterruptedException {
    Path openssl = Tools.require("openssl", "openssl");
    Files.createDirectories(dir);
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Tools.run(List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
        "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost", "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost"), dir, 60).requireSuccess("openssl req");
    Path store = dir.resolve("server.p12");
    Tools.run(List.of(openssl.toString(), "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(),
        "-out", store.toString(), "-passout", "pass:" + new String(STORE_PASSWORD)), dir, 60)
        .requireSuccess("openssl pkcs12");
    Path certDir = Files.createDirectories(dir.resolve("skopeo-certs"));
    Files.copy(cert, certDir.resolve("ca.crt"));
    return new TestCertificate(cert, key, store, certDir);
  }

  /** A client context that trusts this certificate only (verification stays on). */
  public SSLContext clientContext() {
    try (InputStream in = Files.newInputStream(certificate)) {
      Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("rig", cert);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the test certificate", e);
    }
  }

  /** A server context presenting this certificate. */
  public SSLContext serverContext() {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, STORE_PASSWORD);
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, STORE_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the test key store", e);
    }
  }
}
