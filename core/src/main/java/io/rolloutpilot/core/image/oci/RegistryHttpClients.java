package io.rolloutpilot.core.image.oci;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The HTTP clients for registry traffic: one that verifies certificates (the default) and, only for
 * registries the user named as insecure, one that does not. HTTP/1.1 so parallel blob uploads use
 * parallel connections; redirects are followed by hand so credentials never travel to a redirect target.
 */
public final class RegistryHttpClients {
  private final TlsSettings tls;
  private final BoundedExchange exchange;
  private volatile HttpClient verified;
  private volatile HttpClient unverified;

  /** With the standard timeouts. */
  public RegistryHttpClients(TlsSettings tls) {
    this(tls, RegistryTimeouts.standard());
  }

  /** Clients are built on first use: a push to an insecure registry never loads the trust store. */
  public RegistryHttpClients(TlsSettings tls, RegistryTimeouts timeouts) {
    this.tls = tls;
    this.exchange = new BoundedExchange(timeouts);
  }

  public TlsSettings tls() {
    return tls;
  }

  /** How every request over these clients is sent and waited for. */
  public BoundedExchange exchange() {
    return exchange;
  }

  /** The client to use for {@code authority}: unverified only when that exact host:port was named insecure. */
  public HttpClient forRegistry(String authority) {
    return tls.insecure(authority) ? unverified() : verified();
  }

  /**
   * For redirect targets and token services, which are always verified; with {@code --ca-cert} against
   * the default trust store plus those CAs (see {@link TlsSettings#withCaCertificates}), since a private
   * registry's token service usually sits behind the same CA.
   */
  public synchronized HttpClient verified() {
    if (verified == null) {
      SSLContext trust = tls.trust();
      verified = build(trust != null ? () -> trust : RegistryHttpClients::jdkDefault, exchange.timeouts());
    }
    return verified;
  }

  private HttpClient unverified() {
    HttpClient client = unverified;
    if (client == null) {
      synchronized (this) {
        if (unverified == null) {
          unverified = build(RegistryHttpClients::trustAll, exchange.timeouts());
        }
        client = unverified;
      }
    }
    return client;
  }

  /**
   * TLS is set up on the first HTTPS connection, not here. The parameters given leave protocols and
   * cipher suites unset, which keeps the context's defaults (the client turns host name checks on).
   */
  private static HttpClient build(Supplier<SSLContext> context, RegistryTimeouts timeouts) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeouts.connect())
        .sslContext(new DeferredSslContext(context))
        .sslParameters(new SSLParameters())
        .build();
  }

  private static SSLContext jdkDefault() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS", e);
    }
  }

  private static SSLContext trustAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AcceptAnyCertificate()}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS", e);
    }
  }

  /** Accepts any server certificate and host name; only ever used for a registry named insecure. */
  private static final class AcceptAnyCertificate extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
