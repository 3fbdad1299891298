package io.rolloutpilot.core.image.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.RolloutPilotException;

/**
 * Opens a {@link RegistryClient}: picks the scheme (HTTPS; plain HTTP only for a registry named
 * insecure that does not speak TLS), pings {@code /v2/} and learns its auth challenge.
 */
public final class RegistryConnector {
  /** A TLS registry answers a plain-HTTP probe at once, or not at all. */
  private static final Duration PROBE = Duration.ofSeconds(3);

  private final RegistryHttpClients http;
  private final ObjectMapper json;
  private final Retrier retrier;
  private final Clock clock;

  public RegistryConnector(RegistryHttpClients http, ObjectMapper json, Retrier retrier, Clock clock) {
    this.http = http;
    this.json = json;
    this.retrier = retrier;
    this.clock = clock;
  }

  public RegistryClient connect(String authority, RegistryCredentials credentials)
      throws IOException, InterruptedException {
    HttpClient client = http.forRegistry(authority);
    Authorizer authorizer = new Authorizer(authority, credentials, http::verified, json, http.exchange(), clock);
    URI base = URI.create("https://" + authority + "/");
    HttpResponse<byte[]> ping;
    if (http.tls().insecure(authority) && speaksPlainHttp(client, authority, http.exchange())) {
      base = URI.create("http://" + authority + "/");
      ping = ping(client, base, authority, http.exchange());
    } else {
      try {
        ping = ping(client, base, authority, http.exchange());
      } catch (SSLException e) {
        throw tlsFailure(authority, e);
      }
    }
    if (ping.statusCode() == 401) {
      AuthChallenge.parse(ping.headers().firstValue("WWW-Authenticate").orElse(null)).ifPresent(authorizer::learn);
    } else if (ping.statusCode() != 200) {
      throw new RegistryErrors(json).from(authority, "GET /v2/", ping.statusCode(), ping.body());
    }
    RegistryTransport transport = new RegistryTransport(authority, base, client, authorizer, new RegistryErrors(json),
        http.exchange());
    return new RegistryClient(authority, transport, retrier, new BlobRedirects(http::verified, http.exchange()));
  }

  /**
   * For a registry named insecure: does it answer plain HTTP? One short unauthenticated GET of
   * {@code /v2/}; a TLS server refuses it (Go servers answer 400 "HTTP request to an HTTPS server").
   */
  private static boolean speaksPlainHttp(HttpClient client, String authority, BoundedExchange exchange)
      throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + authority + "/v2/")).GET().build();
      RegistryTimeouts limits = exchange.timeouts();
      BoundedExchange probe = new BoundedExchange(new RegistryTimeouts(limits.connect(), PROBE, limits.stall()));
      HttpResponse<byte[]> response = probe.send(client, request, LimitedBody.handler(), authority, "GET /v2/");
      return response.statusCode() != 400
          || !new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).contains("HTTPS");
    } catch (IOException e) {
      return false;
    }
  }

  private HttpResponse<byte[]> ping(HttpClient client, URI base, String authority, BoundedExchange exchange)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/v2/")).GET().build();
    try {
      return retrier.run("GET /v2/", () -> exchange.send(client, request, LimitedBody.handler(), authority,
          "GET /v2/"));
    } catch (ConnectException | UnresolvedAddressException e) {
      throw RegistryErrors.unreachable(authority, "cannot reach registry " + authority + " (" + base.getScheme()
          + "): " + e.getClass().getSimpleName() + "; check the host and port and that the registry is running",
          Hint.RETRY_LATER, e);
    }
  }

  private static RolloutPilotException tlsFailure(String authority, SSLException e) {
    return RegistryErrors.unreachable(authority, "TLS with registry " + authority + " failed: " + e.getMessage(),
        Hint.TRUST_PRIVATE_CA, e);
  }
}
