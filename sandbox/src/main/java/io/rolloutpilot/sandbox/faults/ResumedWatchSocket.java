package io.rolloutpilot.sandbox.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.io.IOException;

/**
 * The socket a resumed watch's CRUD listener writes to. The CRUD mock greets every new watch with
 * ADDED events for all current objects; kube-apiserver sends a watch resumed from a resourceVersion
 * only what changed after it. That greeting is held back here: ADDED events for states no newer than the
 * replayed ones ({@link WatchHistory} has already sent what the watch missed). Live MODIFIED and
 * DELETED events always pass; a DELETED event carries the object's last, older, resourceVersion.
 */
final class ResumedWatchSocket implements WebSocket {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final WebSocket socket;
  private final long replayedUpTo;

  ResumedWatchSocket(WebSocket socket, long replayedUpTo) {
    this.socket = socket;
    this.replayedUpTo = replayedUpTo;
  }

  @Override
  public RecordedRequest request() {
    return socket.request();
  }

  @Override
  public boolean send(String text) {
    return alreadyReplayed(text) || socket.send(text);
  }

  @Override
  public boolean send(byte[] bytes) {
    return socket.send(bytes);
  }

  @Override
  public boolean close(int code, String reason) {
    return socket.close(code, reason);
  }

  private boolean alreadyReplayed(String event) {
    try {
      JsonNode parsed = MAPPER.readTree(event);
      JsonNode version = parsed.path("object").path("metadata").path("resourceVersion");
      return "ADDED".equals(parsed.path("type").asText()) && !version.isMissingNode()
          && Long.parseLong(version.asText()) <= replayedUpTo;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }
}
