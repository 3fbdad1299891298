package io.rolloutpilot.sandbox.faults;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * Wraps the CRUD dispatcher's watch listener so the injector can find and drop open watch sockets, and
 * so a resumed watch first receives the changes it missed.
 */
final class TrackedWatchListener extends WebSocketListener {
  /** Opens the watch: registers it with the CRUD dispatcher and sends what it missed, with no write in between. */
  interface Opening {
    void open(WebSocket socket, java.util.function.Consumer<WebSocket> register);
  }

  private final WebSocketListener delegate;
  private final FaultInjector injector;
  private final Opening opening;

  TrackedWatchListener(WebSocketListener delegate, FaultInjector injector, Opening opening) {
    this.delegate = delegate;
    this.injector = injector;
    this.opening = opening;
  }

  @Override
  public void onBeforeAccept(WebSocket webSocket, Response response) {
    delegate.onBeforeAccept(webSocket, response);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    injector.watchOpened(webSocket);
    opening.open(webSocket, socket -> delegate.onOpen(socket, response));
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    delegate.onMessage(webSocket, text);
  }

  @Override
  public void onMessage(WebSocket webSocket, byte[] bytes) {
    delegate.onMessage(webSocket, bytes);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    injector.watchClosed(webSocket);
    delegate.onClosing(webSocket, code, reason);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    injector.watchClosed(webSocket);
    delegate.onClosed(webSocket, code, reason);
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable error, Response response) {
    injector.watchClosed(webSocket);
    delegate.onFailure(webSocket, error, response);
  }
}
