package io.rolloutpilot.core.image.oci;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} that sets up the real one on first use. The JDK's HTTP client asks for its
 * context when it is built, and setting one up (providers, cipher suites, the trust store) is a
 * large share of a short push's start-up, which a registry spoken to over plain HTTP never needs.
 * The client must be given its {@link SSLParameters} explicitly, or it asks the context for them.
 */
final class DeferredSslContext extends SSLContext {
  DeferredSslContext(Supplier<SSLContext> real) {
    super(new Spi(real), null, "TLS");
  }

  private static final class Spi extends SSLContextSpi {
    private final Supplier<SSLContext> supplier;
    private SSLContext real;

    Spi(Supplier<SSLContext> supplier) {
      this.supplier = supplier;
    }

    private synchronized SSLContext real() {
      if (real == null) {
        real = supplier.get();
      }
      return real;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
      throw new KeyManagementException("a deferred TLS context is set up by its supplier");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return real().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return real().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return real().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return real().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return real().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return real().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return real().getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return real().getSupportedSSLParameters();
    }
  }
}
