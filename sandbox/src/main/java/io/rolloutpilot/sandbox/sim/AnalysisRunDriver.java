package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Plays Argo's analysis controller without evaluating metrics: "" becomes Running, the outcome
 * policy chooses the result, {@code spec.terminate} ends a run "Successful"/"Run Terminated".
 * AnalysisRun has no status subresource, so status is written with a plain merge patch.
 */
final class AnalysisRunDriver {
  static final Set<String> COMPLETED = Set.of("Successful", "Failed", "Error", "Inconclusive");

  private final KubeApi api;
  private final WorkQueue queue;
  private final Supplier<AnalysisOutcomePolicy> policy;

  AnalysisRunDriver(KubeApi api, WorkQueue queue, Supplier<AnalysisOutcomePolicy> policy) {
    this.api = api;
    this.queue = queue;
    this.policy = policy;
  }

  static String phase(JsonNode run) {
    return Json.text(run.path("status").path("phase"));
  }

  static boolean completed(JsonNode run) {
    return COMPLETED.contains(phase(run));
  }

  void drive(String namespace, String name) {
    ObjectNode run = api.get(KubeApi.ANALYSIS_RUNS, namespace, name);
    if (run == null) {
      return;
    }
    String owner = owner(run);
    if (run.path("spec").path("terminate").asBoolean(false) && !completed(run)) {
      complete(namespace, name, AnalysisOutcome.successful(), "Run Terminated", resourceVersion(run));
    } else if (phase(run).isEmpty()) {
      ObjectNode patch = Json.MAPPER.createObjectNode();
      patch.putObject("metadata").put("resourceVersion", resourceVersion(run));
      patch.putObject("status").put("phase", "Running").put("startedAt", Json.now());
      api.mergePatch(KubeApi.ANALYSIS_RUNS, namespace, name, patch);
      AnalysisOutcome outcome = policy.get().decide(info(run));
      if (outcome != null) {
        String uid = Json.text(run.path("metadata").path("uid"));
        queue.schedule(outcome.delay(), true, () -> finishIfRunning(namespace, name, uid, outcome));
      }
    }
    if (!owner.isEmpty()) {
      queue.addRollout(namespace + "/" + owner);
    }
  }

  private void finishIfRunning(String namespace, String name, String uid, AnalysisOutcome outcome) {
    ObjectNode run = api.get(KubeApi.ANALYSIS_RUNS, namespace, name);
    if (run != null && uid.equals(Json.text(run.path("metadata").path("uid"))) && "Running".equals(phase(run))
        && !run.path("spec").path("terminate").asBoolean(false)) {
      try {
        complete(namespace, name, outcome, outcome.message(), resourceVersion(run));
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        queue.schedule(java.time.Duration.ZERO, true, () -> finishIfRunning(namespace, name, uid, outcome));
      }
    }
  }

  /**
   * Our own writes are locked on the resourceVersion we decided on: a test (or a "provider") may have
   * written a phase meanwhile, and it must win (the 409 makes the worker re-read and re-decide).
   */
  private static String resourceVersion(JsonNode run) {
    return Json.text(run.path("metadata").path("resourceVersion"));
  }

  void complete(String namespace, String name, AnalysisOutcome outcome, String message) {
    complete(namespace, name, outcome, message, null);
  }

  /** Writes a terminal phase as a provider-driven analysis controller would. */
  private void complete(String namespace, String name, AnalysisOutcome outcome, String message, String lockedOn) {
    ObjectNode patch = Json.MAPPER.createObjectNode();
    if (lockedOn != null) {
      patch.putObject("metadata").put("resourceVersion", lockedOn);
    }
    ObjectNode status = patch.putObject("status");
    status.put("phase", outcome.phase()).put("message", message).put("completedAt", Json.now());
    if (!outcome.metricResults().isEmpty()) {
      status.set("metricResults", metricResults(outcome));
      ObjectNode summary = status.putObject("runSummary").put("count", outcome.metricResults().size());
      for (String phase : new String[] {"successful", "failed", "inconclusive", "error"}) {
        summary.put(phase, outcome.metricResults().stream().filter(m -> m.phase().equalsIgnoreCase(phase)).count());
      }
    }
    api.mergePatch(KubeApi.ANALYSIS_RUNS, namespace, name, patch);
  }

  private static ArrayNode metricResults(AnalysisOutcome outcome) {
    ArrayNode results = Json.MAPPER.createArrayNode();
    String now = Json.now();
    for (AnalysisOutcome.MetricResult metric : outcome.metricResults()) {
      ObjectNode result = results.addObject().put("name", metric.name()).put("phase", metric.phase());
      if (!metric.message().isEmpty()) {
        result.put("message", metric.message());
      }
      Map<String, Integer> counts = new LinkedHashMap<>(Map.of("Successful", 0, "Failed", 0, "Inconclusive", 0, "Error", 0));
      ArrayNode measurements = result.putArray("measurements");
      for (AnalysisOutcome.Measurement m : metric.measurements()) {
        ObjectNode measurement = measurements.addObject().put("phase", m.phase()).put("startedAt", now)
            .put("finishedAt", now);
        if (m.value() != null) {
          measurement.put("value", m.value());
        }
        if (m.message() != null) {
          measurement.put("message", m.message());
        }
        counts.computeIfPresent(m.phase(), (k, v) -> v + 1);
      }
      result.put("count", counts.get("Successful") + counts.get("Failed") + counts.get("Inconclusive"))
          .put("successful", counts.get("Successful")).put("failed", counts.get("Failed"))
          .put("inconclusive", counts.get("Inconclusive")).put("error", counts.get("Error"));
    }
    return results;
  }

  private AnalysisRunInfo info(ObjectNode run) {
    Map<String, String> labels = Json.strings(run.path("metadata").path("labels"));
    String hash = labels.getOrDefault(TemplateHasher.HASH_LABEL, "");
    String stepIndex = labels.get("step-index");
    return new AnalysisRunInfo(Json.text(run.path("metadata").path("namespace")),
        Json.text(run.path("metadata").path("name")), owner(run), labels.getOrDefault("rollout-type", ""),
        stepIndex == null ? null : Integer.valueOf(stepIndex), hash, labels, images(run, hash));
  }

  private Map<String, String> images(ObjectNode run, String hash) {
    Map<String, String> images = new LinkedHashMap<>();
    String owner = owner(run);
    if (!owner.isEmpty() && !hash.isEmpty()) {
      ObjectNode rs = api.get(KubeApi.REPLICA_SETS, Json.text(run.path("metadata").path("namespace")), owner + "-" + hash);
      if (rs != null) {
        rs.path("spec").path("template").path("spec").path("containers")
            .forEach(c -> images.put(c.path("name").asText(), c.path("image").asText()));
      }
    }
    return images;
  }

  static String owner(JsonNode object) {
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      if ("Rollout".equals(ref.path("kind").asText())) {
        return ref.path("name").asText();
      }
    }
    return "";
  }
}
