package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Argo's PodTemplateEqualIgnoreHash on JSON: two pod templates are the same one when they differ
 * only in the {@code rollouts-pod-template-hash} label and the deprecated {@code serviceAccount}
 * field. Like Kubernetes' semantic equality, a missing field, null, an empty list and an empty map
 * are all "nothing", and numbers compare by value. (Argo also applies the API server's defaults to
 * the desired template first; the sandbox's API server stores templates as given, so nothing is
 * defaulted on either side.)
 */
final class PodTemplates {
  private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private PodTemplates() {}

  static boolean equalIgnoringHash(JsonNode live, JsonNode desired) {
    return normalized(live).equals(BY_VALUE, normalized(desired));
  }

  private static JsonNode normalized(JsonNode template) {
    ObjectNode copy = template != null && template.isObject() ? template.deepCopy() : Json.MAPPER.createObjectNode();
    if (copy.path("metadata").path("labels") instanceof ObjectNode labels) {
      labels.remove(TemplateHasher.HASH_LABEL);
    }
    if (copy.path("spec") instanceof ObjectNode spec) {
      spec.remove("serviceAccount");
    }
    prune(copy);
    return copy;
  }

  /** Removes nulls, empty lists and empty maps, innermost first, so emptied parents go too. */
  private static void prune(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> empty = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        prune(field.getValue());
        if (isNothing(field.getValue())) {
          empty.add(field.getKey());
        }
      }
      object.remove(empty);
    } else if (node instanceof ArrayNode array) {
      array.forEach(PodTemplates::prune);
    }
  }

  private static boolean isNothing(JsonNode node) {
    return node.isNull() || node.isMissingNode() || (node.isContainerNode() && node.isEmpty());
  }
}
