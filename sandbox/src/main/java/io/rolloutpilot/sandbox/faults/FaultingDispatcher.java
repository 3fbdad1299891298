package io.rolloutpilot.sandbox.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sits in front of the CRUD dispatcher: authentication, injected faults, request counting, watch
 * tracking, and real JSON merge-patch semantics. Writes are serialised here because a merge patch is
 * translated into a read plus a JSON patch, which must not interleave with another write.
 */
public final class FaultingDispatcher extends Dispatcher {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";
  /** Changes kept for resumed watches; an older resourceVersion gets 410 Gone. */
  private static final int HISTORY_CAPACITY = 20_000;

  private final Dispatcher delegate;
  private final FaultInjector injector;
  private final String token;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final WatchHistory history = new WatchHistory(HISTORY_CAPACITY);

  /** @param token the bearer token every request must carry, or null for no authentication */
  public FaultingDispatcher(Dispatcher delegate, FaultInjector injector, String token) {
    this.delegate = delegate;
    this.injector = injector;
    this.token = token;
  }

  /**
   * Called before the request body is read: true when the connection must be dropped. Counted here
   * because a dropped request never reaches {@link #dispatch}.
   */
  public boolean shouldReset(String method, String uri, String bypassHeader) {
    if (bypassHeader != null) {
      return false;
    }
    boolean watch = isWatch(uri);
    boolean reset = injector.take(method, watch, uri, FaultRule.Kind.RESET).isPresent();
    if (reset) {
      injector.record(method, watch, uri);
    }
    return reset;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String uri = request.getPath();
    boolean watch = isWatch(uri);
    boolean internal = request.getHeader(FaultInjector.BYPASS_HEADER) != null;
    if (!internal) {
      injector.record(request.getMethod(), watch, uri);
    }
    if (token != null && !("Bearer " + token).equals(request.getHeader("Authorization"))) {
      return StatusBodies.response(401, "Unauthorized", null);
    }
    if (!internal) {
      Optional<MockResponse> fault = fault(request.getMethod(), watch, uri);
      if (fault.isPresent()) {
        return fault.get();
      }
    }
    if (watch && !internal) {
      Optional<List<WatchHistory.Change>> missed = history.missedBy(uri);
      if (missed.isEmpty()) {
        return new MockResponse().withWebSocketUpgrade(new GoneWatchListener("too old resource version"));
      }
      MockResponse response = forward(request);
      if (response != null && response.getWebSocketListener() != null) {
        response.withWebSocketUpgrade(new TrackedWatchListener(response.getWebSocketListener(), injector,
            (socket, register) -> openResumed(socket, register, uri)));
      }
      return response;
    }
    return forward(request);
  }

  /**
   * Registers the watch and sends the changes it missed while holding the write lock, so every write
   * lands either in the replay or in the live stream, never in both or neither.
   */
  private void openResumed(WebSocket socket, java.util.function.Consumer<WebSocket> register, String uri) {
    writeLock.lock();
    try {
      boolean resumed = history.resumes(uri);
      register.accept(resumed ? new ResumedWatchSocket(socket, history.newest()) : socket);
      for (WatchHistory.Change change : history.missedBy(uri).orElse(List.of())) {
        ObjectNode event = MAPPER.createObjectNode().put("type", change.type());
        event.set("object", change.object());
        socket.send(event.toString());
      }
    } finally {
      writeLock.unlock();
    }
  }

  private Optional<MockResponse> fault(String method, boolean watch, String uri) {
    if (injector.forbidden()) {
      return Optional.of(StatusBodies.response(403, StatusBodies.defaultMessage(403), null));
    }
    return injector.take(method, watch, uri, FaultRule.Kind.FAIL, FaultRule.Kind.GONE).map(rule -> {
      if (rule.kind == FaultRule.Kind.GONE && rule.goneMode == FaultInjector.GoneMode.ERROR_EVENT) {
        return new MockResponse().withWebSocketUpgrade(new GoneWatchListener(rule.message));
      }
      return StatusBodies.response(rule.status, rule.message, rule.retryAfterSeconds);
    });
  }

  private MockResponse forward(RecordedRequest request) {
    if ("GET".equals(request.getMethod())) {
      return delegate.dispatch(request);
    }
    writeLock.lock();
    try {
      if ("PUT".equals(request.getMethod())) {
        Optional<MockResponse> conflict = staleWrite(request);
        if (conflict.isPresent()) {
          return conflict.get();
        }
      }
      MockResponse response = delegate.dispatch(isMergePatch(request) ? toJsonPatch(request) : request);
      if (response != null && response.getBody() != null) {
        history.record(request.getMethod(), stripQuery(request.getPath()), response.code(),
            response.getBody().getBytes());
      }
      return response;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * The 7.5.2 PutHandler checks resourceVersion against a copy of the stored object on /status, so a
   * stale status PUT would silently overwrite a newer status (a lost update). Checked here for every PUT.
   */
  private Optional<MockResponse> staleWrite(RecordedRequest request) {
    try {
      JsonNode body = MAPPER.readTree(request.getBody().getBytes());
      String wanted = body.path("metadata").path("resourceVersion").asText("");
      JsonNode current = current(request);
      if (wanted.isEmpty() || current == null) {
        return Optional.empty();
      }
      String stored = current.path("metadata").path("resourceVersion").asText("");
      if (wanted.equals(stored)) {
        return Optional.empty();
      }
      String message = String.format("Operation cannot be fulfilled on %s \"%s\": the object has been modified; "
          + "please apply your changes to the latest version and try again",
          current.path("kind").asText(), current.path("metadata").path("name").asText());
      return Optional.of(StatusBodies.response(409, message, null));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The stored object a write on {@code request}'s path (or its /status) addresses, or null. */
  private JsonNode current(RecordedRequest request) throws IOException {
    String objectPath = stripQuery(request.getPath()).replaceFirst("/status$", "");
    MockResponse response = delegate.dispatch(new RecordedRequest(request.getHttpVersion(),
        io.fabric8.mockwebserver.dsl.HttpMethod.GET, objectPath, request.getHeaders(), new Buffer()));
    if (response == null || response.code() != 200 || response.getBody() == null) {
      return null;
    }
    return MAPPER.readTree(response.getBody().readUtf8());
  }

  private static boolean isMergePatch(RecordedRequest request) {
    String type = request.getHeader("Content-Type");
    return "PATCH".equals(request.getMethod()) && type != null && type.startsWith(MERGE_PATCH);
  }

  /**
   * Rewrites a merge patch as a JSON patch that replaces each top-level field it touches with the
   * RFC 7386 result, so the CRUD dispatcher's status-subresource, generation and resourceVersion
   * handling still applies unchanged.
   */
  private RecordedRequest toJsonPatch(RecordedRequest request) {
    String path = request.getPath();
    try {
      JsonNode existing = current(request);
      if (existing == null) {
        return request;
      }
      JsonNode patch = MAPPER.readTree(request.getBody().getBytes());
      if (!patch.isObject()) {
        return request;
      }
      JsonNode merged = MergePatch.apply(existing, patch);
      ArrayNode ops = MAPPER.createArrayNode();
      for (Iterator<String> names = patch.fieldNames(); names.hasNext();) {
        String name = names.next();
        if (merged.has(name)) {
          ops.addObject().put("op", "add").put("path", "/" + name).set("value", merged.get(name));
        } else if (existing.has(name)) {
          ops.addObject().put("op", "remove").put("path", "/" + name);
        }
      }
      return new RecordedRequest(request.getHttpVersion(), request.method(), path,
          request.getHeaders().newBuilder().set("Content-Type", "application/json-patch+json").build(),
          new Buffer().writeUtf8(ops.toString()));
    } catch (IOException e) {
      return request;
    }
  }

  static boolean isWatch(String uri) {
    int query = uri.indexOf('?');
    return query >= 0 && (uri.substring(query).contains("watch=true") || uri.substring(query).contains("watch=1"));
  }

  private static String stripQuery(String uri) {
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }
}
