package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON helpers; the simulator works on raw JSON so it never drops fields it does not model. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? "" : node.asText();
  }

  static JsonNode path(JsonNode node, String... names) {
    JsonNode current = node == null ? MissingNode.getInstance() : node;
    for (String name : names) {
      current = current.path(name);
    }
    return current;
  }

  static ObjectNode object(ObjectNode parent, String name) {
    JsonNode child = parent.get(name);
    return child instanceof ObjectNode object ? object : parent.putObject(name);
  }

  static ArrayNode array(ObjectNode parent, String name) {
    JsonNode child = parent.get(name);
    return child instanceof ArrayNode array ? array : parent.putArray(name);
  }

  static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    }
    return map;
  }

  /** metav1.Time is serialised with second precision; matching it keeps writes idempotent. */
  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static Instant time(String text) {
    return text == null || text.isEmpty() ? null : Instant.parse(text);
  }
}
