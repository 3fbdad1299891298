package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code status.canary.weights} of a traffic-routed canary, as Argo's reconcileTrafficRouting sets
 * them (no router is called: the sandbox has none). The canary weight is 0 when fully promoted,
 * aborted, or while the new ReplicaSet has no available pod; the previous setWeight while the
 * step's replica counts are not reached; then the step's setWeight; 100 past the last step. The
 * weights are left as they were while the stable ReplicaSet lacks the pods for its share.
 */
final class TrafficRouting {
  private final EventRecorder events;

  TrafficRouting(EventRecorder events) {
    this.events = events;
  }

  void reconcile(RolloutState st) {
    ObjectNode canaryStatus = Json.object(st.status, "canary");
    if (!st.trafficRouted()) {
      canaryStatus.remove("weights");
      return;
    }
    int weight = desiredWeight(st);
    if (!stableCanTake(st, 100 - weight)) {
      return;
    }
    ObjectNode weights = Json.MAPPER.createObjectNode();
    weights.putObject("canary").put("weight", weight).put("podTemplateHash", ReplicaSets.hashOf(st.newRs))
        .put("serviceName", Json.text(st.canary().path("canaryService")));
    weights.putObject("stable").put("weight", 100 - weight).put("podTemplateHash", ReplicaSets.hashOf(st.stableRs()))
        .put("serviceName", Json.text(st.canary().path("stableService")));
    JsonNode previous = st.oldStatus.path("canary").path("weights");
    if (!weights.path("canary").equals(previous.path("canary")) || !weights.path("stable").equals(previous.path("stable"))) {
      events.normal(st.rollout, "TrafficWeightUpdated", "Traffic weight updated " + change(previous, weight));
      canaryStatus.set("weights", weights);
    }
  }

  private static int desiredWeight(RolloutState st) {
    boolean fullyPromoted = st.stableHash().equals(Json.text(st.oldStatus.path("currentPodHash")));
    if (fullyPromoted || st.aborted() || st.newRs == null || ReplicaSets.statusInt(st.newRs, "availableReplicas") == 0) {
      return 0;
    }
    if (st.promoteFull()) {
      return st.oldStatus.path("canary").path("weights").path("canary").path("weight").asInt(0);
    }
    Integer index = st.storedIndex();
    if (index == null) {
      return 0;
    }
    if (!CanaryReplicaCounts.atDesired(st)) {
      return CanaryReplicaCounts.lastSetWeight(st, index - 1);
    }
    return index == st.steps().size() ? 100 : CanaryReplicaCounts.currentSetWeight(st);
  }

  /** Argo's checkReplicasAvailable for the stable ReplicaSet and its share of the traffic. */
  private static boolean stableCanTake(RolloutState st, int stableWeight) {
    ObjectNode stable = st.stableRs();
    return stable != null && ReplicaSets.statusInt(stable, "availableReplicas") >= stableWeight * st.replicas() / 100;
  }

  /** The details of Argo's TrafficWeightUpdated message ("to 20", "from 20 to 60", or nothing). */
  private static String change(JsonNode previous, int weight) {
    if (!previous.isObject()) {
      return "to " + weight;
    }
    int before = previous.path("canary").path("weight").asInt(0);
    return before == weight ? "" : "from " + before + " to " + weight;
  }
}
