package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;

/**
 * The Rollout side of analysis: which step/background runs should exist, creating
 * them with Argo's names, labels and owner, cancelling stale ones, mirroring their phase into the
 * Rollout status, and turning Failed/Error into an abort and Inconclusive into a pause.
 */
final class AnalysisRunManager {
  static final String STEP_STATUS = "currentStepAnalysisRunStatus";
  static final String BACKGROUND_STATUS = "currentBackgroundAnalysisRunStatus";

  private final KubeApi api;
  private final AnalysisSpecBuilder specs;
  private final EventRecorder events;

  AnalysisRunManager(KubeApi api, EventRecorder events) {
    this.api = api;
    this.specs = new AnalysisSpecBuilder(api);
    this.events = events;
  }

  void reconcile(RolloutState st) {
    List<ObjectNode> runs = api.listOwned(KubeApi.ANALYSIS_RUNS, st.namespace(), st.uid());
    ObjectNode step = named(runs, st.oldStatus.path("canary").path(STEP_STATUS).path("name").asText(""));
    ObjectNode background = named(runs, st.oldStatus.path("canary").path(BACKGROUND_STATUS).path("name").asText(""));
    // As Argo's reconcileAnalysisRuns: no analysis when aborted, fully promoting, rolling back into a
    // ReplicaSet still within its scale-down delay or within the rollback window, or on the first deploy.
    if (st.aborted() || st.promoteFull() || ReplicaSets.hasScaleDownDeadline(st.newRs) || st.stableRs() == null
        || RollbackWindow.within(st) || st.fullyPromoted()) {
      runs.forEach(run -> cancel(st, run));
      boolean keep = st.aborted();
      mirror(st, STEP_STATUS, keep ? step : null);
      mirror(st, BACKGROUND_STATUS, keep ? background : null);
      return;
    }
    step = reconcileStep(st, step);
    background = reconcileBackground(st, background);
    for (ObjectNode run : runs) {
      if (!sameName(run, step) && !sameName(run, background)) {
        cancel(st, run);
      }
    }
    mirror(st, STEP_STATUS, step);
    mirror(st, BACKGROUND_STATUS, background);
    st.currentStepRun = step;
    react(st, step, "Step-based");
    react(st, background, "Background");
    phaseEvent(st, st.oldStatus.path("canary").path(STEP_STATUS), step, "Step");
    phaseEvent(st, st.oldStatus.path("canary").path(BACKGROUND_STATUS), background, "Background");
  }

  /**
   * Argo's emitAnalysisRunStatusChanges: an event when the run's phase differs from the one the
   * Rollout recorded for it (no event for a run that replaced another).
   */
  private void phaseEvent(RolloutState st, JsonNode previous, ObjectNode run, String type) {
    String phase = run == null ? "" : AnalysisRunDriver.phase(run);
    if (phase.isEmpty()) {
      return;
    }
    String name = Json.text(run.path("metadata").path("name"));
    boolean none = !previous.isObject();
    if (none || name.equals(Json.text(previous.path("name"))) && !phase.equals(Json.text(previous.path("status")))) {
      String message = type + " Analysis Run '" + name + "' Status New: '" + phase + "' Previous: '"
          + (none ? "NoPreviousStatus" : Json.text(previous.path("status"))) + "'";
      if ("Failed".equals(phase) || "Error".equals(phase)) {
        events.warning(st.rollout, "AnalysisRun" + phase, message);
      } else {
        events.normal(st.rollout, "AnalysisRun" + phase, message);
      }
    }
  }

  private ObjectNode reconcileStep(RolloutState st, ObjectNode current) {
    JsonNode step = st.currentStep();
    Integer index = st.storedIndex();
    if (!step.has("analysis") || index == null) {
      cancel(st, current);
      return null;
    }
    if (st.hasStoredPause(PauseLogic.INCONCLUSIVE)) {
      return current;
    }
    if (current != null && !String.valueOf(index).equals(label(current, "step-index"))) {
      cancel(st, current);
      current = null;
    }
    if (needsNewRun(st, current)) {
      return create(st, step.path("analysis"), st.revision() + "-" + index, "Step", index);
    }
    return current;
  }

  private ObjectNode reconcileBackground(RolloutState st, ObjectNode current) {
    JsonNode analysis = st.canary().path("analysis");
    Integer index = st.storedIndex();
    int startingStep = analysis.path("startingStep").asInt(0);
    if (analysis.path("templates").size() == 0 || (index != null && index < startingStep)) {
      cancel(st, current);
      return null;
    }
    if (st.hasStoredPause(PauseLogic.INCONCLUSIVE)) {
      return current;
    }
    return needsNewRun(st, current) ? create(st, analysis, st.revision(), "Background", null) : current;
  }

  /** Argo's needsNewAnalysisRun. */
  private static boolean needsNewRun(RolloutState st, ObjectNode current) {
    if (current == null) {
      return true;
    }
    if (st.controllerPause()) {
      return !st.hasStoredPause(PauseLogic.CANARY_PAUSE_STEP)
          && "Inconclusive".equals(AnalysisRunDriver.phase(current));
    }
    return !Json.text(st.oldStatus.path("abortedAt")).isEmpty();
  }

  private static void react(RolloutState st, ObjectNode run, String kind) {
    if (run == null) {
      return;
    }
    String phase = AnalysisRunDriver.phase(run);
    if ("Inconclusive".equals(phase)) {
      st.addPauses.add(PauseLogic.INCONCLUSIVE);
    } else if ("Failed".equals(phase) || "Error".equals(phase)) {
      String message = Json.text(run.path("status").path("message"));
      st.abort(kind + " analysis phase error/failed" + (message.isEmpty() ? "" : ": " + message));
    }
  }

  private ObjectNode create(RolloutState st, JsonNode analysis, String infix, String type, Integer index) {
    ObjectNode run = Json.MAPPER.createObjectNode();
    run.put("apiVersion", "argoproj.io/v1alpha1").put("kind", "AnalysisRun");
    ObjectNode meta = run.putObject("metadata");
    meta.put("namespace", st.namespace());
    ObjectNode labels = meta.putObject("labels");
    labels.put(TemplateHasher.HASH_LABEL, st.newHash).put("rollout-type", type);
    if (index != null) {
      labels.put("step-index", String.valueOf(index));
    }
    Json.strings(analysis.path("analysisRunMetadata").path("labels")).forEach(labels::put);
    st.selectorLabels().forEach(labels::put);
    ObjectNode annotations = meta.putObject("annotations");
    Json.strings(analysis.path("analysisRunMetadata").path("annotations")).forEach(annotations::put);
    annotations.put(ReplicaSets.REVISION, st.revision());
    meta.putArray("ownerReferences").addObject().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Rollout")
        .put("name", st.name()).put("uid", st.uid()).put("controller", true).put("blockOwnerDeletion", true);
    run.set("spec", specs.build(st, analysis));
    return createWithCollisionCounter(st, run, st.name() + "-" + st.newHash + "-" + infix);
  }

  /** An existing run is adopted only if still running with the same spec and owner; else .1, .2, … */
  private ObjectNode createWithCollisionCounter(RolloutState st, ObjectNode run, String baseName) {
    for (int collision = 0; collision < 100; collision++) {
      String name = collision == 0 ? baseName : baseName + "." + collision;
      ((ObjectNode) run.get("metadata")).put("name", name);
      try {
        return api.create(KubeApi.ANALYSIS_RUNS, st.namespace(), run);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        ObjectNode existing = api.get(KubeApi.ANALYSIS_RUNS, st.namespace(), name);
        if (existing != null && !AnalysisRunDriver.completed(existing)
            && existing.path("spec").equals(run.path("spec")) && st.uid().equals(ownerUid(existing))) {
          return existing;
        }
      }
    }
    throw new IllegalStateException("too many AnalysisRun name collisions for " + baseName);
  }

  /** {@code spec.terminate: true}, the body Argo and {@code terminate analysisrun} send. */
  private void cancel(RolloutState st, ObjectNode run) {
    if (run == null || run.path("spec").path("terminate").asBoolean(false) || AnalysisRunDriver.completed(run)) {
      return;
    }
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("spec").put("terminate", true);
    api.mergePatch(KubeApi.ANALYSIS_RUNS, st.namespace(), Json.text(run.path("metadata").path("name")), patch);
  }

  private static void mirror(RolloutState st, String field, ObjectNode run) {
    ObjectNode canary = Json.object(st.status, "canary");
    if (run == null) {
      canary.remove(field);
      return;
    }
    ObjectNode mirror = canary.putObject(field);
    mirror.put("name", Json.text(run.path("metadata").path("name")));
    mirror.put("status", AnalysisRunDriver.phase(run));
    String message = Json.text(run.path("status").path("message"));
    if (!message.isEmpty()) {
      mirror.put("message", message);
    }
  }

  /**
   * revisionHistoryLimit: the runs of deleted ReplicaSets go with them, except the runs the Rollout
   * currently follows (Argo deletes from its "other" runs only).
   */
  void deleteForHashes(RolloutState st, List<String> hashes) {
    if (hashes.isEmpty()) {
      return;
    }
    String step = Json.text(st.oldStatus.path("canary").path(STEP_STATUS).path("name"));
    String background = Json.text(st.oldStatus.path("canary").path(BACKGROUND_STATUS).path("name"));
    for (ObjectNode run : api.listOwned(KubeApi.ANALYSIS_RUNS, st.namespace(), st.uid())) {
      String name = Json.text(run.path("metadata").path("name"));
      if (hashes.contains(label(run, TemplateHasher.HASH_LABEL)) && !name.equals(step) && !name.equals(background)) {
        api.delete(KubeApi.ANALYSIS_RUNS, st.namespace(), name);
      }
    }
  }

  private static ObjectNode named(List<ObjectNode> runs, String name) {
    return name.isEmpty() ? null : runs.stream()
        .filter(r -> name.equals(Json.text(r.path("metadata").path("name")))).findFirst().orElse(null);
  }

  private static boolean sameName(ObjectNode a, ObjectNode b) {
    return b != null && a.path("metadata").path("name").equals(b.path("metadata").path("name"));
  }

  private static String label(JsonNode run, String key) {
    return Json.text(run.path("metadata").path("labels").path(key));
  }

  private static String ownerUid(JsonNode run) {
    for (JsonNode ref : run.path("metadata").path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false)) {
        return ref.path("uid").asText();
      }
    }
    return "";
  }

  static Map<String, String> labels(JsonNode run) {
    return Json.strings(run.path("metadata").path("labels"));
  }
}
