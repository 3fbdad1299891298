package io.rolloutpilot.core.image.oci;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends {@link RegistryCall}s to one registry with authentication: adds the Authorization header for
 * the call's scope, and on a 401 (or ECR's expired-token 403) renews credentials once and resends.
 * Error responses become {@link RegistryException}s.
 */
public final class RegistryTransport {
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final String registry;
  private final URI base;
  private final HttpClient client;
  private final Authorizer authorizer;
  private final RegistryErrors errors;
  private final BoundedExchange exchange;

  public RegistryTransport(String registry, URI base, HttpClient client, Authorizer authorizer,
      RegistryErrors errors, BoundedExchange exchange) {
    this.registry = registry;
    this.base = base;
    this.client = client;
    this.authorizer = authorizer;
    this.errors = errors;
    this.exchange = exchange;
  }

  /** The limits requests through this transport wait under. */
  public RegistryTimeouts timeouts() {
    return exchange.timeouts();
  }

  public URI base() {
    return base;
  }

  public URI resolve(String pathOrUrl) {
    return base.resolve(pathOrUrl);
  }

  /** Sends the call; returns any response below 400 (and 404 when {@code allow404}), throws for the rest. */
  public <T> HttpResponse<T> send(RegistryCall call, BodyHandler<T> handler, boolean allow404)
      throws IOException, InterruptedException {
    HttpRequest first = request(call);
    String sent = first.headers().firstValue("Authorization").orElse(null);
    HttpResponse<T> response = exchange.send(client, first, handler, registry, call.describe(), call.progress());
    if (rejected(response)) {
      String challenge = response.headers().firstValue("WWW-Authenticate").orElse(null);
      byte[] body = drain(response);
      if (!authorizer.onRejected(challenge, call.scope(), sent)) {
        throw errors.from(registry, call.describe(), response.statusCode(), body, RegistryErrors.secretForms(sent));
      }
      HttpRequest second = request(call);
      sent = second.headers().firstValue("Authorization").orElse(null);
      response = exchange.send(client, second, handler, registry, call.describe(), call.progress());
    }
    int status = response.statusCode();
    if (status < 400 || (allow404 && status == 404)) {
      return response;
    }
    throw errors.from(registry, call.describe(), status, drain(response), RegistryErrors.secretForms(sent));
  }

  private HttpRequest request(RegistryCall call) throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
        .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : call.body().get());
    for (Map.Entry<String, String> header : call.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    authorizer.header(call.scope()).ifPresent(value -> builder.header("Authorization", value));
    return builder.build();
  }

  private static boolean rejected(HttpResponse<?> response) {
    if (response.statusCode() == 401) {
      return true;
    }
    if (response.statusCode() != 403) {
      return false;
    }
    // ECR answers an expired token with 403 "denied: Your authorization token has expired"
    byte[] body = peek(response);
    return new String(body, StandardCharsets.UTF_8).contains("token has expired");
  }

  private static byte[] peek(HttpResponse<?> response) {
    Object body = response.body();
    return body instanceof byte[] bytes ? bytes : new byte[0];
  }

  /** The body of an error response, read fully (bounded in size and time) whatever the handler was. */
  byte[] drain(HttpResponse<?> response) throws IOException {
    Object body = response.body();
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof InputStream in) {
      try (InputStream guarded = new GuardedInputStream(in, timeouts().stall(), registry, "an error answer")) {
        return guarded.readNBytes(MAX_ERROR_BODY);
      }
    }
    return new byte[0];
  }
}
