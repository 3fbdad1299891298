package io.rolloutpilot.sandbox.faults;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * A watch that opens and immediately reports {@code ERROR} 410 Expired, which is how kube-apiserver
 * tells an established watch that its resourceVersion was compacted away.
 */
final class GoneWatchListener extends WebSocketListener {
  private final String message;

  GoneWatchListener(String message) {
    this.message = message;
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", "ERROR");
    event.set("object", StatusBodies.status(410, message, null));
    webSocket.send(event.toString());
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(code, reason);
  }
}
