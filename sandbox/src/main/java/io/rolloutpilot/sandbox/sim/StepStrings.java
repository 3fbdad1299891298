package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;

/** A canary step as Argo's controller names it in events ("setWeight: 20", "pause: 30s", "analysis"). */
final class StepStrings {
  private StepStrings() {}

  static String of(JsonNode step) {
    if (step.has("setWeight")) {
      return "setWeight: " + step.path("setWeight").asInt();
    }
    if (step.has("pause")) {
      JsonNode duration = step.path("pause").path("duration");
      return duration.isMissingNode() || duration.isNull() ? "pause" : "pause: " + duration.asText();
    }
    if (step.has("experiment")) {
      return "experiment";
    }
    if (step.has("analysis")) {
      return "analysis";
    }
    if (step.has("setCanaryScale")) {
      return canaryScale(step.path("setCanaryScale"));
    }
    if (step.has("plugin")) {
      return "plugin: " + step.path("plugin").path("name").asText();
    }
    if (step.has("setHeaderRoute")) {
      return "setHeaderRoute: " + step.path("setHeaderRoute").path("name").asText();
    }
    if (step.has("setMirrorRoute")) {
      return "setMirrorRoute: " + step.path("setMirrorRoute").path("name").asText();
    }
    return "invalid";
  }

  private static String canaryScale(JsonNode scale) {
    if (scale.has("weight")) {
      return "setCanaryScale{weight: " + scale.path("weight").asInt() + "}";
    }
    if (scale.path("matchTrafficWeight").asBoolean(false)) {
      return "setCanaryScale{matchTrafficWeight: true}";
    }
    if (scale.has("replicas")) {
      return "setCanaryScale{replicas: " + scale.path("replicas").asInt() + "}";
    }
    return "invalid";
  }
}
