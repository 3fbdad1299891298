package io.rolloutpilot.core.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds Rollout views from JSON written in tests, the way the API server would send them. */
final class Rollouts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Rollouts() {}

  /** A canary Rollout of 5 replicas with the worked trace's steps, merged with {@code statusJson}. */
  static Rollout canary(String specExtraJson, String statusJson, long generation) {
    String steps = "[{\"setWeight\":20},{\"pause\":{}},{\"analysis\":{\"templates\":[{\"templateName\":\"t\"}]}},"
        + "{\"setWeight\":60},{\"pause\":{\"duration\":\"30s\"}}]";
    String spec = "{\"replicas\":5,\"selector\":{\"matchLabels\":{\"app\":\"guestbook\"}},"
        + "\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"guestbook:2\"}]}},"
        + "\"strategy\":{\"canary\":{\"steps\":" + steps + "}}}";
    return parse("{\"metadata\":{\"name\":\"guestbook\",\"namespace\":\"default\",\"generation\":" + generation
        + "},\"spec\":" + merge(spec, specExtraJson) + ",\"status\":" + statusJson + "}");
  }

  static Rollout parse(String json) {
    try {
      return RolloutParser.parse(JSON.readTree(json));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String merge(String base, String extra) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(base);
      JSON.readerForUpdating(node).readValue(extra);
      return node.toString();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
