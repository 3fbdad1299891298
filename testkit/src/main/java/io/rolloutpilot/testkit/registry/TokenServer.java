package io.rolloutpilot.testkit.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.rolloutpilot.testkit.HttpExchanges;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The token service of a registry with {@code auth: token}: on HTTPS, checks the Basic credentials
 * of one user and issues a JWT granting exactly the requested scopes ({@code repository:NAME:ACTIONS},
 * several per request) as the {@code access} claim. Remembers every request's scopes for the tests.
 */
public final class TokenServer implements AutoCloseable {
  public static final String SERVICE = "rig-registry";
  public static final String ISSUER = "rig-token-issuer";
  private static final long EXPIRES_IN = 300;

  /** One token request: the service and scopes asked for, and whether it was granted. */
  public record Request(String service, List<String> scopes, boolean granted) {}

  private final HttpsServer server;
  private final ExecutorService executor;
  private final TokenSigner signer;
  private final ObjectMapper json;
  private final String expectedAuthorization;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private TokenServer(HttpsServer server, ExecutorService executor, TokenSigner signer, ObjectMapper json,
      String user, String password) {
    this.server = server;
    this.executor = executor;
    this.signer = signer;
    this.json = json;
    this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** Serves {@code /token} on a free loopback port with {@code tls}, signing with {@code signer}. */
  public static TokenServer start(TestCertificate tls, TokenSigner signer, String user, String password)
      throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
    ExecutorService executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    TokenServer tokens = new TokenServer(server, executor, signer, new ObjectMapper(), user, password);
    server.createContext("/token", tokens::handle);
    server.start();
    return tokens;
  }

  /** The realm docker-registry names in its Bearer challenge. */
  public URI realm() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> query = HttpExchanges.formFields(exchange.getRequestURI().getRawQuery());
      List<String> scopes = query.getOrDefault("scope", List.of());
      String service = query.getOrDefault("service", List.of("")).get(0);
      boolean granted = expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"));
      requests.add(new Request(service, scopes, granted));
      if (!granted) {
        respond(exchange, 401, Map.of("errors", List.of(Map.of("code", "UNAUTHORIZED",
            "message", "authentication required"))));
        return;
      }
      String token = signer.sign(claims(service, scopes));
      respond(exchange, 200, Map.of("token", token, "access_token", token, "expires_in", EXPIRES_IN,
          "issued_at", Instant.now().toString()));
    }
  }

  private static Map<String, Object> claims(String service, List<String> scopes) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", "rig-user");
    claims.put("aud", service);
    claims.put("exp", now + EXPIRES_IN);
    claims.put("nbf", now - 10);
    claims.put("iat", now);
    claims.put("jti", UUID.randomUUID().toString());
    List<Map<String, Object>> access = new ArrayList<>();
    for (String scope : scopes) {
      int first = scope.indexOf(':');
      int last = scope.lastIndexOf(':');
      if (first > 0 && last > first) {
        access.add(Map.of("type", scope.substring(0, first), "name", scope.substring(first + 1, last),
            "actions", List.of(scope.substring(last + 1).split(","))));
      }
    }
    claims.put("access", access);
    return claims;
  }

  private void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
    HttpExchanges.reply(exchange, status, Map.of("Content-Type", "application/json"), json.writeValueAsBytes(body));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
