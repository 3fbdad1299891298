package io.rolloutpilot.core.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

/** The either-or rule, without a network: the TLS rig in testkit covers real handshakes. */
class EitherTrustManagerTest {
  /** Accepts or rejects every chain, and records which variant was asked (engine vs plain). */
  static final class Fixed extends X509ExtendedTrustManager {
    final boolean accept;
    final List<String> calls = new ArrayList<>();

    Fixed(boolean accept) {
      this.accept = accept;
    }

    private void decide(String variant) throws CertificateException {
      calls.add(variant);
      if (!accept) {
        throw new CertificateException("rejected");
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
      decide("socket");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
      decide("engine");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
      decide("plain");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
      decide("client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
      decide("client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
      decide("client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  private static final X509Certificate[] CHAIN = new X509Certificate[0];

  @Test
  void theDefaultStoreAloneIsEnoughAndTheExtraIsNotAsked() {
    Fixed extra = new Fixed(false);
    assertThatCode(() -> new EitherTrustManager(new Fixed(true), extra)
        .checkServerTrusted(CHAIN, "RSA", (SSLEngine) null)).doesNotThrowAnyException();
    assertThat(extra.calls).isEmpty();
  }

  @Test
  void theExtraCasAreAskedWithTheSameEngineWhenTheDefaultRejects() throws Exception {
    Fixed extra = new Fixed(true);
    new EitherTrustManager(new Fixed(false), extra).checkServerTrusted(CHAIN, "RSA", (SSLEngine) null);
    // the engine variant is what carries the host name check, so it must reach the delegate unchanged
    assertThat(extra.calls).containsExactly("engine");
  }

  @Test
  void bothRejectingFailsWithBothReasons() {
    CertificateException failure = catchThrowableOfType(CertificateException.class, () -> new EitherTrustManager(new Fixed(false),
        new Fixed(false)).checkServerTrusted(CHAIN, "RSA", (Socket) null));
    assertThat(failure).hasMessageContaining("default trust store (rejected)")
        .hasMessageContaining("extra CA certificates (rejected)");
    assertThat(failure.getSuppressed()).hasSize(1);
  }
}
