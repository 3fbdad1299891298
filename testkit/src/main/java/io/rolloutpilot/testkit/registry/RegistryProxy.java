package io.rolloutpilot.testkit.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.rolloutpilot.testkit.HttpExchanges;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTP(S) proxy in front of a registry that can interfere: answer for the registry (ECR
 * errors), fail or drop a blob upload half-way (5xx, connection reset), read uploads slowly, stall
 * (take a request and never answer) or trickle a download. It logs every request as
 * {@code METHOD path} and counts finished blob uploads.
 */
public final class RegistryProxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding",
      "expect", "upgrade", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI backend;
  private final HttpClient client;
  private final List<ProxyRule> rules = new CopyOnWriteArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final AtomicInteger blobUploadsDone = new AtomicInteger();
  /** Released when the proxy closes: what a stalled exchange waits for. */
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
  private final String scheme;

  private RegistryProxy(HttpServer server, ExecutorService executor, URI backend, HttpClient client, String scheme) {
    this.server = server;
    this.executor = executor;
    this.backend = backend;
    this.client = client;
    this.scheme = scheme;
  }

  /**
   * @param backend e.g. {@code http://127.0.0.1:5000}
   * @param serverTls present TLS to clients with this context, or null for plain HTTP
   * @param backendTrust trust for an HTTPS backend, or null
   */
  public static RegistryProxy start(URI backend, SSLContext serverTls, SSLContext backendTrust) throws IOException {
    InetSocketAddress address = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0);
    HttpServer server;
    if (serverTls != null) {
      HttpsServer https = HttpsServer.create(address, 64);
      https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
      server = https;
    } else {
      server = HttpServer.create(address, 64);
    }
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (backendTrust != null) {
      builder.sslContext(backendTrust);
    }
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "registry-proxy");
      t.setDaemon(true);
      return t;
    });
    RegistryProxy proxy = new RegistryProxy(server, executor, backend, builder.build(),
        serverTls != null ? "https" : "http");
    server.createContext("/", proxy::handle);
    server.setExecutor(executor);
    server.start();
    return proxy;
  }

  public String authority() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public RegistryProxy rule(ProxyRule rule) {
    rules.add(rule);
    return this;
  }

  public void clearRules() {
    rules.clear();
  }

  /** Every request so far as {@code METHOD path}. */
  public List<String> requests() {
    return List.copyOf(log);
  }

  public int blobUploadsDone() {
    return blobUploadsDone.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      ProxyRequest request = request(exchange);
      log.add(request.toString());
      ProxyAction action = decide(request);
      if (action instanceof ProxyAction.Respond respond) {
        exchange.getRequestBody().readAllBytes();
        HttpExchanges.reply(exchange, respond.status(), respond.headers(),
            respond.body().getBytes(StandardCharsets.UTF_8));
      } else if (action instanceof ProxyAction.FailMidBody fail) {
        failMidBody(exchange, fail);
      } else if (action instanceof ProxyAction.Stall stall) {
        exchange.getRequestBody().readNBytes((int) Math.min(stall.afterBytes(), Integer.MAX_VALUE));
        closed.await();
      } else if (action instanceof ProxyAction.Trickle trickle) {
        forward(exchange, request, new ProxyAction.Forward(Map.of(), 0), trickle);
      } else {
        forward(exchange, request, (ProxyAction.Forward) action, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private ProxyAction decide(ProxyRequest request) {
    for (ProxyRule rule : rules) {
      Optional<ProxyAction> action = rule.apply(request);
      if (action.isPresent()) {
        return action.get();
      }
    }
    return ProxyAction.forward();
  }

  private static ProxyRequest request(HttpExchange exchange) {
    Map<String, List<String>> headers = new java.util.HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    URI uri = exchange.getRequestURI();
    return new ProxyRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers);
  }

  private static void failMidBody(HttpExchange exchange, ProxyAction.FailMidBody fail) throws IOException {
    exchange.getRequestBody().readNBytes((int) Math.min(fail.afterBytes(), Integer.MAX_VALUE));
    if (fail.status() == 0) {
      throw new IOException("fault injection: dropping the connection mid-upload");
    }
    // read the rest before answering: closing with unread bytes resets the connection, and the client
    // would see a broken connection instead of the injected status
    exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
    HttpExchanges.reply(exchange, fail.status(), Map.of("Content-Type", "application/json"),
        ("{\"errors\":[{\"code\":\"" + fail.code() + "\",\"message\":\"" + fail.message() + "\"}]}")
            .getBytes(StandardCharsets.UTF_8));
  }

  private void forward(HttpExchange exchange, ProxyRequest request, ProxyAction.Forward action,
      ProxyAction.Trickle trickle) throws IOException, InterruptedException {
    URI target = backend.resolve(request.path() + (request.query() == null ? "" : "?" + request.query()));
    HttpRequest.Builder builder = HttpRequest.newBuilder(target).method(request.method(), body(exchange, request,
        action.bytesPerSecond()));
    request.headers().forEach((name, values) -> {
      if (!HOP_HEADERS.contains(name) && !action.headers().containsKey(name)) {
        values.forEach(v -> builder.header(name, v));
      }
    });
    action.headers().forEach((name, value) -> {
      if (!value.isEmpty()) { // an empty value removes the header
        builder.header(name, value);
      }
    });
    HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    response.headers().map().forEach((name, values) -> {
      if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        values.forEach(v -> exchange.getResponseHeaders().add(name, rewrite(v)));
      }
    });
    if (request.isBlobPut() && response.statusCode() == 201) {
      blobUploadsDone.incrementAndGet();
    }
    boolean head = "HEAD".equals(request.method());
    response.headers().firstValue("Content-Length").filter(v -> head)
        .ifPresent(v -> exchange.getResponseHeaders().set("Content-Length", v));
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.statusCode(), head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        if (trickle == null) {
          out.write(body);
        } else {
          trickle(out, body, trickle);
        }
      }
    }
  }

  /** The head of the body at once, then a byte per interval (or nothing) until the body or the proxy ends. */
  private void trickle(OutputStream out, byte[] body, ProxyAction.Trickle trickle)
      throws IOException, InterruptedException {
    int sent = (int) Math.min(trickle.headBytes(), body.length);
    out.write(body, 0, sent);
    out.flush();
    long interval = trickle.interval().toMillis();
    while (sent < body.length) {
      if (interval == 0 || closed.await(interval, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        closed.await();
        return;
      }
      out.write(body[sent++]);
      out.flush();
    }
  }

  private static HttpRequest.BodyPublisher body(HttpExchange exchange, ProxyRequest request, long bytesPerSecond) {
    String length = request.header("content-length");
    if (length == null || "0".equals(length)) {
      return HttpRequest.BodyPublishers.noBody();
    }
    InputStream in = bytesPerSecond > 0 ? new ThrottledInputStream(exchange.getRequestBody(), bytesPerSecond)
        : exchange.getRequestBody();
    return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> in),
        Long.parseLong(length));
  }

  private String rewrite(String value) {
    String prefix = backend.getScheme() + "://" + backend.getRawAuthority();
    return value.startsWith(prefix) ? scheme + "://" + authority() + value.substring(prefix.length()) : value;
  }


  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
