package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AnalysisRun spec from a RolloutAnalysis: the referenced (Cluster)AnalysisTemplates flattened,
 * nested {@code templates} resolved, and args merged with the Rollout's (theirs win).
 */
final class AnalysisSpecBuilder {
  private final KubeApi api;

  AnalysisSpecBuilder(KubeApi api) {
    this.api = api;
  }

  ObjectNode build(RolloutState st, JsonNode analysis) {
    ObjectNode spec = Json.MAPPER.createObjectNode();
    ArrayNode metrics = spec.putArray("metrics");
    Map<String, ObjectNode> args = new LinkedHashMap<>();
    for (JsonNode ref : analysis.path("templates")) {
      addTemplate(st.namespace(), ref, spec, metrics, args, 0);
    }
    for (JsonNode arg : analysis.path("args")) {
      args.put(arg.path("name").asText(), resolveArg(st, arg));
    }
    if (!args.isEmpty()) {
      ArrayNode argArray = spec.putArray("args");
      args.values().forEach(argArray::add);
    }
    copyArray(analysis, spec, "dryRun");
    copyArray(analysis, spec, "measurementRetention");
    return spec;
  }

  private void addTemplate(String namespace, JsonNode ref, ObjectNode spec, ArrayNode metrics,
      Map<String, ObjectNode> args, int depth) {
    String name = ref.path("templateName").asText();
    boolean cluster = ref.path("clusterScope").asBoolean(false);
    ObjectNode template = cluster ? api.get(KubeApi.CLUSTER_ANALYSIS_TEMPLATES, null, name)
        : api.get(KubeApi.ANALYSIS_TEMPLATES, namespace, name);
    if (template == null) {
      throw new IllegalStateException((cluster ? "ClusterAnalysisTemplate" : "AnalysisTemplate")
          + " \"" + name + "\" not found" + (cluster ? "" : " in namespace " + namespace));
    }
    JsonNode templateSpec = template.path("spec");
    templateSpec.path("metrics").forEach(m -> metrics.add(m.deepCopy()));
    templateSpec.path("args").forEach(a -> args.putIfAbsent(a.path("name").asText(), (ObjectNode) a.deepCopy()));
    copyArray(templateSpec, spec, "dryRun");
    copyArray(templateSpec, spec, "measurementRetention");
    if (depth < 5) {
      for (JsonNode nested : templateSpec.path("templates")) {
        addTemplate(namespace, nested, spec, metrics, args, depth + 1);
      }
    }
  }

  /** podTemplateHashValue and fieldRef are resolved now, as Argo does when creating the run. */
  private static ObjectNode resolveArg(RolloutState st, JsonNode arg) {
    ObjectNode resolved = Json.MAPPER.createObjectNode().put("name", arg.path("name").asText());
    JsonNode valueFrom = arg.path("valueFrom");
    if (arg.has("value")) {
      resolved.put("value", arg.path("value").asText());
    } else if (valueFrom.has("podTemplateHashValue")) {
      boolean stable = "Stable".equals(valueFrom.path("podTemplateHashValue").asText());
      resolved.put("value", stable ? st.stableHash() : st.newHash);
    } else if (valueFrom.has("fieldRef")) {
      resolved.put("value", fieldPath(st.rollout, valueFrom.path("fieldRef").path("fieldPath").asText()));
    } else if (!valueFrom.isMissingNode()) {
      resolved.set("valueFrom", valueFrom.deepCopy());
    }
    return resolved;
  }

  /** Dotted field paths with optional ['key'] segments, e.g. metadata.labels['app']. */
  static String fieldPath(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.(?![^\\[]*\\])")) {
      int bracket = part.indexOf('[');
      if (bracket < 0) {
        node = node.path(part);
      } else {
        node = node.path(part.substring(0, bracket)).path(part.substring(bracket + 2, part.length() - 2));
      }
    }
    return Json.text(node);
  }

  private static void copyArray(JsonNode from, ObjectNode to, String field) {
    if (from.path(field).isArray() && from.path(field).size() > 0) {
      ArrayNode target = Json.array(to, field);
      from.path(field).forEach(e -> target.add(e.deepCopy()));
    }
  }
}
