package io.rolloutpilot.core.analysis.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolloutpilot.core.validation.Durations;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.validation.Quoted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A node of the parsed spec that knows its path, so every complaint names the field it is about. */
final class YamlNode {
  private final JsonNode node;
  private final String path;

  YamlNode(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  String path() {
    return path;
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void onlyKeys(Set<String> allowed) {
    if (!node.isObject()) {
      throw new InvalidInputException(path, "must be a mapping");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidInputException(child(name), "unknown key; allowed here: " + new TreeSet<>(allowed));
      }
    }
  }

  YamlNode object(String key) {
    if (!has(key)) {
      throw new InvalidInputException(child(key), "is required (a mapping)");
    }
    YamlNode child = new YamlNode(node.get(key), child(key));
    if (!child.node.isObject()) {
      throw new InvalidInputException(child.path, "must be a mapping");
    }
    return child;
  }

  List<YamlNode> list(String key) {
    JsonNode list = node.get(key);
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidInputException(child(key), "must be a non-empty list");
    }
    List<YamlNode> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      items.add(new YamlNode(list.get(i), child(key) + "[" + i + "]"));
    }
    return items;
  }

  String string(String key) {
    if (!has(key) || !node.get(key).isValueNode() || node.get(key).asText().isBlank()) {
      throw new InvalidInputException(child(key), "is required and must be a non-empty string");
    }
    return node.get(key).asText().trim();
  }

  String string(String key, String fallback) {
    return has(key) ? string(key) : fallback;
  }

  double number(String key, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isNumber()) {
      throw new InvalidInputException(child(key), "must be a number, got " + Quoted.of(value.asText()));
    }
    // YAML reads 1e400 as infinity: a number no setting can use, refused here rather than compared later
    if (!Double.isFinite(value.asDouble())) {
      throw new InvalidInputException(child(key), "must be a finite number, got " + Quoted.of(value.asText()));
    }
    return value.asDouble();
  }

  Double optionalNumber(String key) {
    return has(key) ? number(key, 0) : null;
  }

  /** A whole number; one beyond {@code int} is refused rather than clamped to a value nobody wrote. */
  int integer(String key, int fallback) {
    double value = number(key, fallback);
    if (value != Math.rint(value)) {
      throw new InvalidInputException(child(key), "must be a whole number, got " + value);
    }
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw new InvalidInputException(child(key), Quoted.of(node.get(key).asText()) + " is too large a number");
    }
    return (int) value;
  }

  boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    if (!node.get(key).isBoolean()) {
      throw new InvalidInputException(child(key), "must be true or false");
    }
    return node.get(key).asBoolean();
  }

  Duration duration(String key, Duration fallback) {
    if (!has(key)) {
      if (fallback == null) {
        throw new InvalidInputException(child(key), "is required (a duration such as 30s, 5m or 1h)");
      }
      return fallback;
    }
    if (!node.get(key).isValueNode()) {
      throw new InvalidInputException(child(key), "must be a duration such as 30s, 5m or 1h");
    }
    return Durations.parse(child(key), node.get(key).asText());
  }

  <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
    if (!has(key)) {
      return fallback;
    }
    String text = string(key);
    for (E value : type.getEnumConstants()) {
      if (value.name().equalsIgnoreCase(text)) {
        return value;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E value : type.getEnumConstants()) {
      allowed.add(value.name().toLowerCase());
    }
    throw new InvalidInputException(child(key), "'" + text + "' is not one of " + allowed);
  }
}
