package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;

/** Replica counts for a canary weight (Argo's approximateWeightedCanaryStableReplicaCounts). */
public final class CanaryReplicaMath {
  private CanaryReplicaMath() {}

  /** Desired {canary, stable} counts. */
  public record Counts(int canary, int stable) {}

  public static Counts trafficRouted(int replicas, int weight) {
    return new Counts((int) Math.ceil(replicas * weight / 100.0), replicas);
  }

  /**
   * Basic canary: choose the canary count whose share is closest to the weight, allowing
   * replicas+1 in total when surge is allowed; on a tie the earlier (larger) option wins.
   */
  public static Counts basic(int replicas, int weight, int maxSurge) {
    if (replicas == 0) {
      return new Counts(0, 0);
    }
    int ceil = (int) Math.ceil(replicas * weight / 100.0);
    int floor = (int) Math.floor(replicas * weight / 100.0);
    double exact = replicas * (weight / 100.0);
    boolean tied = exact - Math.floor(exact) == 0.5;
    boolean zeroAllowed = weight == 100 || weight == 0 || (replicas == 1 && maxSurge == 0);
    int bestCanary = -1;
    int bestTotal = 0;
    double bestDelta = Double.MAX_VALUE;
    int[][] options = new int[3][];
    int n = 0;
    if (ceil < replicas || zeroAllowed) {
      options[n++] = new int[] {ceil, replicas};
    }
    if (!tied && (floor != 0 || zeroAllowed)) {
      options[n++] = new int[] {floor, replicas};
    }
    if (maxSurge > 0) {
      options[n++] = new int[] {ceil, replicas + 1};
    }
    for (int i = 0; i < n; i++) {
      double delta = Math.abs(options[i][0] * 100.0 / options[i][1] - weight);
      if (delta < bestDelta) {
        bestDelta = delta;
        bestCanary = options[i][0];
        bestTotal = options[i][1];
      }
    }
    return bestCanary < 0 ? new Counts(0, replicas) : new Counts(bestCanary, bestTotal - bestCanary);
  }

  /**
   * maxUnavailable as pods: an int is pods, any string a percent, rounded down; default "25%". When
   * surge and unavailable both come to 0, one pod may be unavailable (Argo's resolveFenceposts).
   */
  public static int maxUnavailable(JsonNode canary, int replicas) {
    if (replicas == 0) {
      return 0;
    }
    JsonNode given = canary.path("maxUnavailable");
    int unavailable;
    if (given.isMissingNode() || given.isNull()) {
      unavailable = replicas * 25 / 100;
    } else if (given.isNumber()) {
      unavailable = given.asInt();
    } else {
      unavailable = (int) Math.floor(replicas * Integer.parseInt(given.asText().replace("%", "").trim()) / 100.0);
    }
    if (unavailable == 0 && maxSurge(canary, replicas) == 0) {
      unavailable = 1;
    }
    return Math.min(unavailable, replicas);
  }

  /**
   * maxSurge as pods: an int is pods, any string is a percent (the legacy intstr reading, so "5" is
   * 5%), rounded up; default "25%".
   */
  public static int maxSurge(JsonNode canary, int replicas) {
    JsonNode surge = canary.path("maxSurge");
    if (surge.isMissingNode() || surge.isNull()) {
      return (int) Math.ceil(replicas * 25 / 100.0);
    }
    if (surge.isNumber()) {
      return surge.asInt();
    }
    String text = surge.asText().replace("%", "").trim();
    return (int) Math.ceil(replicas * Integer.parseInt(text) / 100.0);
  }
}
