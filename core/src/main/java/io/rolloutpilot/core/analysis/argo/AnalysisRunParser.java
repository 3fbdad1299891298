package io.rolloutpilot.core.analysis.argo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the fields of {@link AnalysisRunState} from the API object, with Argo's defaults; ignores the rest. */
public final class AnalysisRunParser {
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  public AnalysisRunState parse(GenericKubernetesResource resource) {
    return parse(serialization.convertValue(resource, JsonNode.class));
  }

  public AnalysisRunState parse(JsonNode root) {
    JsonNode meta = root.path("metadata");
    JsonNode spec = root.path("spec");
    JsonNode status = root.path("status");
    List<String> owners = new ArrayList<>();
    meta.path("ownerReferences").forEach(ref -> {
      if ("Rollout".equals(ref.path("kind").asText())) {
        owners.add(ref.path("uid").asText(""));
      }
    });
    List<ArgoMetricSpec> metrics = new ArrayList<>();
    spec.path("metrics").forEach(metric -> metrics.add(metric(metric)));
    List<String> dryRun = new ArrayList<>();
    spec.path("dryRun").forEach(d -> dryRun.add(d.path("metricName").asText("")));
    List<ArgoMetricStatus> results = new ArrayList<>();
    status.path("metricResults").forEach(result -> results.add(result(result)));
    return new AnalysisRunState(text(meta, "name"), text(meta, "namespace"), text(meta, "uid"),
        text(meta, "creationTimestamp"), strings(meta.path("labels")), owners, spec.path("terminate").asBoolean(false),
        metrics, dryRun, text(status, "phase"), text(status, "message"), text(status, "startedAt"),
        text(status, "completedAt"), summary(status.path("runSummary")), summary(status.path("dryRunSummary")), results);
  }

  private static ArgoMetricSpec metric(JsonNode metric) {
    String interval = text(metric, "interval");
    JsonNode countNode = metric.path("count");
    Integer count = integer(countNode);
    String countText = "";
    if (count == null && countNode.isTextual()) {
      countText = countNode.asText();
    } else if (count == null || count <= 0) {
      count = interval.isEmpty() ? Integer.valueOf(1) : null;
    }
    String provider = "";
    JsonNode providerBody = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    Iterator<Map.Entry<String, JsonNode>> providers = metric.path("provider").properties().iterator();
    if (providers.hasNext()) {
      Map.Entry<String, JsonNode> first = providers.next();
      provider = first.getKey();
      providerBody = first.getValue();
    }
    return new ArgoMetricSpec(text(metric, "name"), interval, count, countText,
        limit(metric.path("failureLimit"), 0), limit(metric.path("inconclusiveLimit"), 0),
        limit(metric.path("consecutiveErrorLimit"), ArgoMetricSpec.DEFAULT_CONSECUTIVE_ERROR_LIMIT),
        limit(metric.path("consecutiveSuccessLimit"), 0), text(metric, "successCondition"),
        text(metric, "failureCondition"), provider, text(providerBody, "query"),
        providerBody.path("rangeQuery").isObject());
  }

  private static ArgoMetricStatus result(JsonNode result) {
    String name = text(result, "name");
    List<ArgoMeasurement> measurements = new ArrayList<>();
    result.path("measurements").forEach(m -> measurements.add(new ArgoMeasurement(name, text(m, "phase"),
        text(m, "value"), text(m, "message"), text(m, "startedAt"), text(m, "finishedAt"))));
    return new ArgoMetricStatus(name, text(result, "phase"), text(result, "message"),
        result.path("count").asInt(0), result.path("successful").asInt(0), result.path("failed").asInt(0),
        result.path("inconclusive").asInt(0), result.path("error").asInt(0),
        result.path("consecutiveError").asInt(0), result.path("dryRun").asBoolean(false), measurements);
  }

  private static RunSummary summary(JsonNode summary) {
    if (!summary.isObject()) {
      return RunSummary.EMPTY;
    }
    return new RunSummary(summary.path("count").asInt(0), summary.path("successful").asInt(0),
        summary.path("failed").asInt(0), summary.path("inconclusive").asInt(0), summary.path("error").asInt(0));
  }

  /** An IntOrString limit; a template or garbage keeps the default (Argo would reject it at evaluation). */
  private static int limit(JsonNode node, int defaultValue) {
    Integer value = integer(node);
    return value == null ? defaultValue : value;
  }

  private static Integer integer(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.asInt();
    }
    if (node.isTextual()) {
      try {
        return Integer.valueOf(node.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
