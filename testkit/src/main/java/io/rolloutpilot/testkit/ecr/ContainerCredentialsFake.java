package io.rolloutpilot.testkit.ecr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rolloutpilot.testkit.HttpExchanges;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A container credentials endpoint as the EKS Pod Identity agent (and the ECS agent) serve it on
 * loopback: {@code GET /v1/credentials} with the pod's token in {@code Authorization} is answered with
 * temporary credentials as JSON; a missing or wrong token with 401. Issues one key set per instance.
 */
public final class ContainerCredentialsFake implements AutoCloseable {
  private final HttpServer server;
  private final String token;
  private final AtomicInteger served = new AtomicInteger();
  private final String keyId;
  private final String secret;
  private final String sessionToken;

  private ContainerCredentialsFake(HttpServer server, String token) {
    this.server = server;
    this.token = token;
    String suffix = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
    this.keyId = "ASIAPOD" + suffix.substring(0, 13);
    this.secret = "pod-secret-" + suffix;
    this.sessionToken = "pod-session-" + suffix;
  }

  /** @param token the authorization token a caller must present */
  public static ContainerCredentialsFake start(String token) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 8);
    ContainerCredentialsFake fake = new ContainerCredentialsFake(server, token);
    server.createContext("/v1/credentials", fake::handle);
    server.start();
    return fake;
  }

  /** The full URI to put in {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
  public URI fullUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/credentials");
  }

  public String issuedKeyId() {
    return keyId;
  }

  public String issuedSecret() {
    return secret;
  }

  /** How many requests were answered with credentials. */
  public int served() {
    return served.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        HttpExchanges.reply(exchange, 401, Map.of(), "{\"message\":\"bad token\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      served.incrementAndGet();
      String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
      String json = "{\"AccessKeyId\":\"" + keyId + "\",\"SecretAccessKey\":\"" + secret + "\",\"Token\":\""
          + sessionToken + "\",\"AccountId\":\"" + EcrControlPlaneFake.ACCOUNT + "\",\"Expiration\":\"" + expiration
          + "\"}";
      HttpExchanges.reply(exchange, 200, Map.of("Content-Type", "application/json"),
          json.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
