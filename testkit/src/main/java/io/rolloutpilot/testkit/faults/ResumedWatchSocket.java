package io.rolloutpilot.testkit.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.io.IOException;

/**
 * The socket a resumed watch's CRUD listener writes to. The CRUD mock greets every new watch with
 * ADDED events for all current objects; kube-apiserver sends a watch resumed from a resourceVersion
 * only what changed after it. Events for states up to the replayed ones are therefore held back here;
 * {@link WatchHistory} has already sent what the watch missed.
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
      JsonNode version = MAPPER.readTree(event).path("object").path("metadata").path("resourceVersion");
      return !version.isMissingNode() && Long.parseLong(version.asText()) <= replayedUpTo;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }
}
