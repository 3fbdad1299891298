package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argo's reconcileCanaryReplicaSets: the desired size of every RS for the current setWeight, and
 * whether the step's replica counts have been reached. Scaling is done in one go (Argo walks there
 * within maxSurge/maxUnavailable; the end state is the same).
 */
final class CanaryScaler {
  private final PodSimulator pods;

  CanaryScaler(PodSimulator pods) {
    this.pods = pods;
  }

  /** Argo's GetCurrentSetWeight: 0 when aborted, 100 past the last step, else the last setWeight so far. */
  static int currentSetWeight(RolloutState st) {
    if (st.oldStatus.path("abort").asBoolean(false)) {
      return 0;
    }
    Integer index = st.storedIndex();
    if (index == null || index >= st.steps().size()) {
      return 100;
    }
    int weight = 0;
    for (int i = 0; i <= index; i++) {
      JsonNode step = st.steps().get(i);
      if (step.has("setWeight")) {
        weight = step.path("setWeight").asInt();
      }
    }
    return weight;
  }

  /** Desired replicas per RS name. */
  static Map<String, Integer> desired(RolloutState st) {
    Map<String, Integer> desired = new LinkedHashMap<>();
    st.replicaSets.forEach(rs -> desired.put(ReplicaSets.nameOf(rs), 0));
    ObjectNode stable = st.stableRs();
    String newName = ReplicaSets.nameOf(st.newRs);
    if (stable == null || stable == st.newRs || ReplicaSets.nameOf(stable).equals(newName)) {
      desired.put(newName, st.replicas());
      return desired;
    }
    int weight = currentSetWeight(st);
    CanaryReplicaMath.Counts counts = st.trafficRouted()
        ? CanaryReplicaMath.trafficRouted(st.replicas(), weight)
        : CanaryReplicaMath.basic(st.replicas(), weight, CanaryReplicaMath.maxSurge(st.canary(), st.replicas()));
    desired.put(newName, counts.canary());
    desired.put(ReplicaSets.nameOf(stable), counts.stable());
    return desired;
  }

  /** Scales whatever differs; true when anything was scaled (the caller then persists and stops). */
  boolean reconcile(RolloutState st) {
    Map<String, Integer> desired = desired(st);
    boolean scaled = false;
    for (ObjectNode rs : st.replicaSets.toArray(new ObjectNode[0])) {
      Integer want = desired.get(ReplicaSets.nameOf(rs));
      if (want != null) {
        scaled |= pods.scale(st, rs, want, false);
      }
    }
    return scaled;
  }

  /** AtDesiredReplicaCountsForCanary: every RS at its desired size and fully available. */
  static boolean atDesiredCounts(RolloutState st) {
    Map<String, Integer> desired = desired(st);
    for (ObjectNode rs : st.replicaSets) {
      int want = desired.getOrDefault(ReplicaSets.nameOf(rs), 0);
      if (ReplicaSets.specReplicas(rs) != want || ReplicaSets.statusInt(rs, "availableReplicas") != want
          || ReplicaSets.statusInt(rs, "replicas") != want) {
        return false;
      }
    }
    return true;
  }

  /** status.canary.weights for traffic-routed canaries (nil otherwise). */
  static void writeWeights(RolloutState st) {
    ObjectNode canary = Json.object(st.status, "canary");
    if (!st.trafficRouted()) {
      canary.remove("weights");
      return;
    }
    boolean promoted = st.fullyPromoted() || !Json.text(st.status.path("stableRS")).isEmpty()
        && Json.text(st.status.path("stableRS")).equals(st.newHash);
    int weight = promoted ? 0 : currentSetWeight(st);
    String stableHash = Json.text(st.status.path("stableRS"));
    ObjectNode weights = canary.putObject("weights");
    weights.putObject("canary").put("weight", weight).put("podTemplateHash", st.newHash)
        .put("serviceName", Json.text(st.canary().path("canaryService")));
    weights.putObject("stable").put("weight", 100 - weight).put("podTemplateHash", stableHash)
        .put("serviceName", Json.text(st.canary().path("stableService")));
  }
}
