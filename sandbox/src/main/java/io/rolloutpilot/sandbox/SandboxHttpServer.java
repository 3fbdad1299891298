package io.rolloutpilot.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.rolloutpilot.sandbox.faults.FaultInjector;
import io.rolloutpilot.sandbox.faults.FaultingDispatcher;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hosts the dispatcher chain on Vert.x with fabric8's own request handler (HTTP and watch websockets),
 * like fabric8's MockWebServer does, but keeps hold of each request so a connection can be dropped
 * without a response: MockWebServer 7.x has no socket policy for that.
 */
final class SandboxHttpServer implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private CompletableFuture<Void> closing;

  SandboxHttpServer(int port, FaultingDispatcher dispatcher) {
    HttpServerRequestHandler fabric8Handler = new HttpServerRequestHandler(vertx) {
      @Override
      protected MockResponse onHttpRequest(RecordedRequest request) {
        MockResponse response = dispatcher.dispatch(request);
        return response != null ? response : new MockResponse().setResponseCode(405);
      }
    };
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port)
        .setHttp2ClearTextEnabled(false)
        .setWebSocketSubProtocols(List.of("v4.channel.k8s.io", "v5.channel.k8s.io"))
        .setHandle100ContinueAutomatically(true);
    server = vertx.createHttpServer(options).requestHandler(request -> {
      if (dispatcher.shouldReset(request.method().name(), request.uri(),
          request.getHeader(FaultInjector.BYPASS_HEADER))) {
        request.connection().close();
        return;
      }
      fabric8Handler.handle(request);
    });
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("sandbox API server could not listen on 127.0.0.1:" + port, e);
    }
  }

  int port() {
    return server.actualPort();
  }

  /**
   * Starts closing: Vert.x closes the server (and its connections, watches included) and then
   * stops its event loops. The caller can do other work meanwhile and {@link #close} to wait.
   */
  synchronized CompletableFuture<Void> closeAsync() {
    if (closing == null) {
      closing = vertx.close().toCompletionStage().toCompletableFuture();
    }
    return closing;
  }

  @Override
  public void close() {
    try {
      closeAsync().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // stopped as far as it would go
    }
  }
}
