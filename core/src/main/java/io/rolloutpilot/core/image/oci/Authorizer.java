package io.rolloutpilot.core.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import io.rolloutpilot.core.error.Hint;

/**
 * Answers a registry's auth challenge: Basic sends the credentials; Bearer exchanges them at the
 * token service named in the challenge for a token per scope, cached until shortly before it expires.
 * Header values are never logged or put in messages.
 */
public final class Authorizer {
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(10);

  private final String registry;
  private final RegistryCredentials credentials;
  private final java.util.function.Supplier<HttpClient> tokenClient;
  private final ObjectMapper json;
  private final BoundedExchange exchange;
  private final Clock clock;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private volatile AuthChallenge challenge;

  private record Token(String value, Instant expires) {}

  public Authorizer(String registry, RegistryCredentials credentials,
      java.util.function.Supplier<HttpClient> tokenClient, ObjectMapper json, BoundedExchange exchange, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.credentials = credentials;
    this.tokenClient = tokenClient;
    this.json = json;
    this.exchange = exchange;
  }

  /** Remembers the challenge of the {@code /v2/} ping (or a later 401). */
  public void learn(AuthChallenge newChallenge) {
    this.challenge = newChallenge;
  }

  /** The Authorization header for a request in {@code scope}, or empty when none is needed or possible. */
  public Optional<String> header(String scope) throws IOException, InterruptedException {
    AuthChallenge c = challenge;
    if (c == null) {
      return Optional.empty();
    }
    if (c.isBasic()) {
      return credentials.current().map(BasicCredentials::basicHeader);
    }
    if (c.isBearer()) {
      Token token = tokens.get(scope);
      if (token == null || clock.instant().isAfter(token.expires().minus(TOKEN_MARGIN))) {
        token = fetchToken(c, scope);
        tokens.put(scope, token);
      }
      return Optional.of("Bearer " + token.value());
    }
    return Optional.empty();
  }

  /**
   * Called on a 401 (or an expired-token 403) to a request that carried {@code sentAuthorization} (or
   * null). Returns true when a second try is worth it; the caller retries at most once. Credentials
   * are renewed only if no other request renewed them since this one was sent.
   */
  public boolean onRejected(String wwwAuthenticate, String scope, String sentAuthorization)
      throws IOException, InterruptedException {
    Optional<AuthChallenge> parsed = AuthChallenge.parse(wwwAuthenticate);
    AuthChallenge previous = challenge;
    parsed.ifPresent(this::learn);
    tokens.remove(scope);
    if (previous == null && parsed.isPresent()) {
      return true; // we had not known we must authenticate
    }
    if (sentAuthorization != null && previous != null && previous.isBasic()) {
      Optional<String> now = credentials.current().map(BasicCredentials::basicHeader);
      if (now.isPresent() && !now.get().equals(sentAuthorization)) {
        return true; // renewed meanwhile by a parallel request
      }
    }
    return credentials.refresh();
  }

  private Token fetchToken(AuthChallenge c, String scope) throws IOException, InterruptedException {
    String realm = c.param("realm");
    if (realm == null) {
      throw RegistryErrors.answered(registry, 401, "UNAUTHORIZED", registry + " asked for a Bearer token but named"
          + " no token service (realm)", null);
    }
    StringBuilder query = new StringBuilder();
    if (c.param("service") != null) {
      query.append("service=").append(encode(c.param("service")));
    }
    for (String s : scope.split(" ")) {
      query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(s));
    }
    URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    credentials.current().ifPresent(cred -> request.header("Authorization", cred.basicHeader()));
    HttpResponse<byte[]> response = exchange.send(tokenClient.get(), request.build(), LimitedBody.handler(),
        uri.getHost(), "GET " + uri.getRawPath() + " (token service)");
    if (response.statusCode() != 200) {
      throw RegistryErrors.answered(registry, response.statusCode(), response.statusCode() == 401 ? "UNAUTHORIZED"
          : "DENIED", "the token service of " + registry + " (" + uri.getHost() + ") refused a token for " + scope
          + " with " + response.statusCode(), Hint.CHECK_REGISTRY_CREDENTIALS);
    }
    JsonNode body = json.readTree(response.body());
    String value = body.path("token").asText(body.path("access_token").asText(""));
    if (value.isEmpty()) {
      throw RegistryErrors.answered(registry, 502, "UNAUTHORIZED", "the token service of " + registry
          + " returned no token", null);
    }
    long seconds = Math.max(body.path("expires_in").asLong(60), 20);
    return new Token(value, clock.instant().plusSeconds(seconds));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
