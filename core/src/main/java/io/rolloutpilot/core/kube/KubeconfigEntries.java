package io.rolloutpilot.core.kube;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds a context's user and cluster entries in a parsed kubeconfig. */
final class KubeconfigEntries {
  private KubeconfigEntries() {}

  /** The user name the context names, or "" when none. */
  static String userOf(JsonNode document, String context) {
    return contextOf(document, context).path("user").asText("");
  }

  /** The cluster name the context names, or "" when none. */
  static String clusterOf(JsonNode document, String context) {
    return contextOf(document, context).path("cluster").asText("");
  }

  /** The {@code cluster} mapping of the named cluster entry; a missing node when there is none. */
  static JsonNode cluster(JsonNode document, String name) {
    return named(document.path("clusters"), name).path("cluster");
  }

  private static JsonNode contextOf(JsonNode document, String context) {
    return named(document.path("contexts"), context).path("context");
  }

  private static JsonNode named(JsonNode list, String name) {
    for (JsonNode entry : list) {
      if (name.equals(entry.path("name").asText())) {
        return entry;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
