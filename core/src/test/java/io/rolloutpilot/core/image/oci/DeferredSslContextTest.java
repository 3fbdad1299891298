package io.rolloutpilot.core.image.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/** The real context is set up once, on the first TLS use, and not by building an HTTP client. */
class DeferredSslContextTest {
  @Test
  void setUpOnFirstTlsUseOnly() throws Exception {
    AtomicInteger setUps = new AtomicInteger();
    SSLContext real = SSLContext.getInstance("TLS");
    real.init(null, null, null);
    DeferredSslContext deferred = new DeferredSslContext(() -> {
      setUps.incrementAndGet();
      return real;
    });
    HttpClient.newBuilder().sslContext(deferred).sslParameters(new SSLParameters()).build();
    assertThat(setUps).as("building a client must not set up TLS").hasValue(0);

    SSLEngine engine = deferred.createSSLEngine("registry.example", 443);
    deferred.createSSLEngine();
    assertThat(setUps).hasValue(1);
    assertThat(engine.getPeerHost()).isEqualTo("registry.example");
    assertThat(deferred.getClientSessionContext()).as("sessions are the real context's")
        .isSameAs(real.getClientSessionContext());
  }
}
