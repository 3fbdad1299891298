package io.rolloutpilot.testkit.registry;

import java.util.List;
import java.util.Map;

/** What a {@link ProxyRule} sees of a request: method, path, raw query and headers (names lower-case). */
public record ProxyRequest(String method, String path, String query, Map<String, List<String>> headers) {
  public ProxyRequest {
    headers = Map.copyOf(headers);
  }

  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A blob upload's final PUT (the one that carries the content). */
  public boolean isBlobPut() {
    return "PUT".equals(method) && path.contains("/blobs/uploads/");
  }

  public boolean isManifestPut() {
    return "PUT".equals(method) && path.contains("/manifests/");
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
