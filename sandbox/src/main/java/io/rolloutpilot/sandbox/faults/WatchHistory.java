package io.rolloutpilot.sandbox.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recent changes to namespaced objects, so that a watch resumed from a resourceVersion receives
 * what happened while it was disconnected, as kube-apiserver does (the CRUD mock alone only streams
 * changes made after the watch opens). A resourceVersion older than the retained history is answered
 * with 410 Gone, as a compacted etcd would.
 */
final class WatchHistory {
  /** One change: {@code type} is ADDED, MODIFIED or DELETED. */
  record Change(Collection collection, String name, String type, long resourceVersion, JsonNode object) {}

  /** A namespaced collection: the API prefix ({@code /apis/group/version}), namespace and plural. */
  record Collection(String prefix, String namespace, String plural) {
    boolean covers(Collection other) {
      return prefix.equals(other.prefix) && plural.equals(other.plural)
          && (namespace == null || namespace.equals(other.namespace));
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, String> TYPES = Map.of("POST", "ADDED", "PUT", "MODIFIED", "PATCH", "MODIFIED",
      "DELETE", "DELETED");

  private final int capacity;
  private final Deque<Change> changes = new ArrayDeque<>();
  private long forgottenUpTo;
  private long newest;

  WatchHistory(int capacity) {
    this.capacity = capacity;
  }

  /** Records a successful write; anything that is not a namespaced object write is ignored. */
  synchronized void record(String method, String path, int code, byte[] body) {
    Optional<Target> target = Target.parse(path);
    if (code / 100 != 2 || !TYPES.containsKey(method) || target.isEmpty() || body == null || body.length == 0) {
      return;
    }
    try {
      JsonNode object = MAPPER.readTree(body);
      String name = object.path("metadata").path("name").asText("");
      long version = Long.parseLong(object.path("metadata").path("resourceVersion").asText("-1"));
      if (name.isEmpty() || version < 0 || !object.has("kind") || "Status".equals(object.path("kind").asText())) {
        return;
      }
      // a deletion keeps the object's last resourceVersion; it must still sort after everything a
      // watcher saw before it, so it is filed just past the newest change recorded
      long position = "DELETE".equals(method) ? Math.max(version, newest) + 1 : version;
      newest = Math.max(newest, position);
      changes.addLast(new Change(target.get().collection(), name, TYPES.get(method), position, object));
      if (changes.size() > capacity) {
        forgottenUpTo = changes.removeFirst().resourceVersion();
      }
    } catch (IOException | NumberFormatException e) {
      // not an object body: nothing a watch would have seen
    }
  }

  /** True when the watch request names a resourceVersion to resume from (not unset, not "0"). */
  boolean resumes(String watchUri) {
    String from = query(watchUri).getOrDefault("resourceVersion", "");
    return !from.isEmpty() && !"0".equals(from);
  }

  /** The position of the newest change recorded. */
  synchronized long newest() {
    return newest;
  }

  /**
   * The changes a watch request resuming from its {@code resourceVersion} missed, oldest first; empty
   * list when it does not resume; empty Optional when that version is older than the history (410).
   */
  synchronized Optional<List<Change>> missedBy(String watchUri) {
    Map<String, String> query = query(watchUri);
    Optional<Target> target = Target.parse(watchUri.split("\\?", 2)[0]);
    if (!resumes(watchUri) || target.isEmpty()) {
      return Optional.of(List.of());
    }
    long since = Long.parseLong(query.get("resourceVersion"));
    if (since < forgottenUpTo) {
      return Optional.empty();
    }
    String name = fieldSelectorName(query.getOrDefault("fieldSelector", ""));
    Map<String, String> labels = labelSelector(query.getOrDefault("labelSelector", ""));
    return Optional.of(changes.stream().filter(c -> c.resourceVersion() > since)
        .filter(c -> target.get().collection().covers(c.collection()))
        .filter(c -> name == null || name.equals(c.name()))
        .filter(c -> labels.entrySet().stream().allMatch(l ->
            l.getValue().equals(c.object().path("metadata").path("labels").path(l.getKey()).asText(null))))
        .toList());
  }

  private static Map<String, String> query(String uri) {
    int start = uri.indexOf('?');
    Map<String, String> params = new java.util.HashMap<>();
    if (start >= 0) {
      for (String pair : uri.substring(start + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return params;
  }

  private static String fieldSelectorName(String selector) {
    for (String requirement : selector.split(",")) {
      if (requirement.startsWith("metadata.name=")) {
        return requirement.substring("metadata.name=".length());
      }
    }
    return null;
  }

  private static Map<String, String> labelSelector(String selector) {
    Map<String, String> labels = new java.util.HashMap<>();
    for (String requirement : selector.split(",")) {
      String[] kv = requirement.split("=", 2);
      if (kv.length == 2 && !kv[0].endsWith("!")) {
        labels.put(kv[0], kv[1]);
      }
    }
    return labels;
  }

  /** A request path split into collection and optional object name; only namespaced paths qualify. */
  record Target(Collection collection, String name) {
    static Optional<Target> parse(String path) {
      String[] parts = path.replaceFirst("/status$", "").split("/");
      int ns = java.util.Arrays.asList(parts).indexOf("namespaces");
      if (ns > 0 && parts.length > ns + 2) {
        String prefix = String.join("/", java.util.Arrays.copyOfRange(parts, 0, ns));
        return Optional.of(new Target(new Collection(prefix, parts[ns + 1], parts[ns + 2]),
            parts.length > ns + 3 ? parts[ns + 3] : null));
      }
      if (ns < 0 && parts.length == 5 && path.startsWith("/apis/")) {
        // an all-namespaces collection such as /apis/argoproj.io/v1alpha1/rollouts
        return Optional.of(new Target(new Collection(String.join("/", java.util.Arrays.copyOfRange(parts, 0, 4)),
            null, parts[4]), null));
      }
      return Optional.empty();
    }
  }
}
