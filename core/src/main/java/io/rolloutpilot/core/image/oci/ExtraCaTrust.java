package io.rolloutpilot.core.image.oci;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the SSLContext for {@code --ca-cert}: the JDK's default trust store plus the given CAs. */
final class ExtraCaTrust {
  private ExtraCaTrust() {}

  static SSLContext context(List<X509Certificate> extraCas) {
    try {
      KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
      extra.load(null, null);
      for (int i = 0; i < extraCas.size(); i++) {
        extra.setCertificateEntry("ca-cert-" + i, extraCas.get(i));
      }
      // a null key store selects the JDK's default (cacerts, or javax.net.ssl.trustStore when set)
      TrustManager either = new EitherTrustManager(trustManager(null), trustManager(extra));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {either}, null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot set up TLS with the extra CA certificates", e);
    }
  }

  private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      // the PKIX factory's manager is extended, which is what carries the host name check
      if (manager instanceof X509ExtendedTrustManager extended) {
        return extended;
      }
    }
    throw new GeneralSecurityException("no X509 trust manager from " + factory.getAlgorithm());
  }
}
