package io.rolloutpilot.core.image.oci;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a server chain when the JDK's default trust manager or the one built from {@code --ca-cert}
 * accepts it: the extra CAs are added to, never replace, the public ones (a push may also talk to a
 * public token service or a redirect target on a CDN). Both delegates are full PKIX trust managers,
 * and the socket/engine variants pass the connection through, so they also verify the host name.
 */
final class EitherTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager primary;
  private final X509ExtendedTrustManager extra;

  EitherTrustManager(X509ExtendedTrustManager primary, X509ExtendedTrustManager extra) {
    this.primary = primary;
    this.extra = extra;
  }

  /** One trust check, so the three server variants below share the either-or logic. */
  @FunctionalInterface
  private interface Check {
    void run(X509ExtendedTrustManager manager) throws CertificateException;
  }

  private void either(Check check) throws CertificateException {
    try {
      check.run(primary);
    } catch (CertificateException first) {
      try {
        check.run(extra);
      } catch (CertificateException second) {
        // either reason may be the real one (a private chain with the wrong host name fails only the
        // extra check for the name), so the message carries both
        CertificateException both = new CertificateException("not trusted by the default trust store ("
            + first.getMessage() + ") nor by the extra CA certificates (" + second.getMessage() + ")", second);
        both.addSuppressed(first);
        throw both;
      }
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    either(m -> m.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    either(m -> m.checkServerTrusted(chain, authType, engine));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    either(m -> m.checkServerTrusted(chain, authType));
  }

  // Registry clients never accept client certificates; answer with the default store like the JDK would.
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    primary.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    primary.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    primary.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return Stream.concat(Arrays.stream(primary.getAcceptedIssuers()), Arrays.stream(extra.getAcceptedIssuers()))
        .toArray(X509Certificate[]::new);
  }
}
