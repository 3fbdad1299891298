package io.rolloutpilot.core.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the fields of {@link Rollout} from the API object, leaving everything else alone. */
final class RolloutParser {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final List<String> CONTAINER_KINDS = List.of("initContainers", "containers", "ephemeralContainers");

  private RolloutParser() {}

  static Rollout parse(GenericKubernetesResource resource) {
    return parse(SERIALIZATION.convertValue(resource, JsonNode.class));
  }

  static Rollout parse(JsonNode root) {
    JsonNode spec = root.path("spec");
    JsonNode status = root.path("status");
    return new Rollout(metadata(root.path("metadata")), spec(spec), status(status, spec));
  }

  private static Rollout.Metadata metadata(JsonNode meta) {
    return new Rollout.Metadata(meta.path("name").asText(""), meta.path("namespace").asText(""),
        meta.path("uid").asText(""), meta.path("generation").asLong(0), meta.path("resourceVersion").asText(""),
        strings(meta.path("annotations")));
  }

  private static Rollout.Spec spec(JsonNode spec) {
    JsonNode canary = spec.path("strategy").path("canary");
    String strategy = canary.isObject() ? "canary" : spec.path("strategy").path("blueGreen").isObject() ? "blueGreen" : "";
    List<CanaryStep> steps = new ArrayList<>();
    canary.path("steps").forEach(step -> steps.add(step(step)));
    return new Rollout.Spec(spec.path("replicas").asInt(1), spec.path("paused").asBoolean(false),
        text(spec.path("restartAt")), strategy, steps, canary.path("trafficRouting").isObject(),
        containers(spec.path("template").path("spec")), strings(spec.path("selector").path("matchLabels")),
        spec.path("progressDeadlineSeconds").asInt(600), spec.path("workloadRef").isObject());
  }

  static CanaryStep step(JsonNode step) {
    String kind = step.fieldNames().hasNext() ? step.fieldNames().next() : "";
    Integer weight = step.has("setWeight") ? step.get("setWeight").asInt() : null;
    String duration = null;
    if (step.has("pause")) {
      JsonNode d = step.path("pause").path("duration");
      duration = d.isMissingNode() || d.isNull() ? null : d.asText();
    }
    List<String> templates = new ArrayList<>();
    step.path("analysis").path("templates").forEach(t -> templates.add(t.path("templateName").asText()));
    return new CanaryStep(kind, weight, duration, templates);
  }

  private static List<Rollout.Container> containers(JsonNode podSpec) {
    List<Rollout.Container> containers = new ArrayList<>();
    for (String kind : CONTAINER_KINDS) {
      podSpec.path(kind).forEach(c -> containers.add(
          new Rollout.Container(kind, c.path("name").asText(""), c.path("image").asText(""))));
    }
    return containers;
  }

  private static Rollout.Status status(JsonNode status, JsonNode spec) {
    JsonNode canary = status.path("canary");
    List<Rollout.PauseCondition> pauses = new ArrayList<>();
    status.path("pauseConditions").forEach(p ->
        pauses.add(new Rollout.PauseCondition(p.path("reason").asText(""), text(p.path("startTime")))));
    List<Rollout.Condition> conditions = new ArrayList<>();
    status.path("conditions").forEach(c -> conditions.add(new Rollout.Condition(c.path("type").asText(""),
        c.path("status").asText(""), c.path("reason").asText(""), c.path("message").asText(""),
        text(c.path("lastUpdateTime")), text(c.path("lastTransitionTime")))));
    JsonNode weight = canary.path("weights").path("canary").path("weight");
    return new Rollout.Status(text(status.path("phase")), text(status.path("message")),
        status.path("abort").asBoolean(false), text(status.path("abortedAt")), pauses,
        status.path("controllerPause").asBoolean(false), text(status.path("currentPodHash")),
        text(status.path("currentStepHash")),
        status.path("currentStepIndex").isNumber() ? status.get("currentStepIndex").asInt() : null,
        text(status.path("stableRS")), analysisRun(canary.path("currentStepAnalysisRunStatus")),
        analysisRun(canary.path("currentBackgroundAnalysisRunStatus")), weight.isNumber() ? weight.asInt() : null,
        text(status.path("observedGeneration")), text(status.path("workloadObservedGeneration")), conditions,
        replicas(status, spec), status.path("promoteFull").asBoolean(false), text(status.path("restartedAt")));
  }

  private static Rollout.Replicas replicas(JsonNode status, JsonNode spec) {
    return new Rollout.Replicas(spec.path("replicas").asInt(1), status.path("replicas").asInt(0),
        status.path("updatedReplicas").asInt(0), status.path("readyReplicas").asInt(0),
        status.path("availableReplicas").asInt(0));
  }

  private static Rollout.AnalysisRunStatus analysisRun(JsonNode run) {
    if (!run.isObject() || run.path("name").asText("").isEmpty()) {
      return null;
    }
    return new Rollout.AnalysisRunStatus(run.path("name").asText(), run.path("status").asText(""),
        run.path("message").asText(""));
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  /** Text of a scalar, "" when absent or null; observedGeneration may arrive as a number from old writers. */
  private static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() || node instanceof MissingNode ? "" : node.asText();
  }
}
