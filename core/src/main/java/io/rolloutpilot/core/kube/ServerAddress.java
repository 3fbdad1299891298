package io.rolloutpilot.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolloutpilot.core.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks the API server address of the chosen context before the client library sees it: the library
 * prefixes anything that is not http(s) with {@code https://} and would send credentials to whatever
 * that makes of it, and keeps a {@code user:password@} in the URL it prints. The address is never
 * quoted back, since it may hold a password.
 */
final class ServerAddress {
  private ServerAddress() {}

  static void check(Path file, JsonNode document, String context) {
    String clusterName = KubeconfigEntries.clusterOf(document, context);
    String where = "the server of cluster '" + clusterName + "' (context '" + context + "') in " + file;
    JsonNode server = KubeconfigEntries.cluster(document, clusterName).path("server");
    if (!server.isTextual() || server.asText().isBlank()) {
      throw bad(where + " is missing; give the API server's https:// address");
    }
    URI uri;
    try {
      uri = new URI(server.asText().strip());
    } catch (URISyntaxException e) {
      throw bad(where + " is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw bad(where + " is not an http(s) URL" + (scheme.isEmpty() ? "" : " (scheme '" + scheme + "')")
          + "; give the API server's https:// address");
    }
    if (uri.getRawUserInfo() != null) {
      throw bad(where + " carries credentials in the URL (user:password@); put them in the kubeconfig's user entry");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getPort() > 65535) {
      throw bad(where + " names no host, or no valid port");
    }
  }

  private static InvalidInputException bad(String problem) {
    return new InvalidInputException("kubeconfig", problem);
  }
}
