package io.rolloutpilot.core.image.oci;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One request to a registry. {@code body} is a supplier so the request can be sent again after an
 * auth challenge; {@code scope} is the token scope it needs ({@code repository:team/app:pull,push});
 * {@code progress}, for a blob upload, tells how its body moves (null for other requests).
 */
public record RegistryCall(String method, URI uri, String scope, Supplier<BodyPublisher> body,
    Map<String, String> headers, TransferProgress progress) {
  public RegistryCall {
    headers = Map.copyOf(headers);
  }

  public RegistryCall(String method, URI uri, String scope, Supplier<BodyPublisher> body,
      Map<String, String> headers) {
    this(method, uri, scope, body, headers, null);
  }

  /** Method and path only: what error messages and progress may show (query strings may hold upload state). */
  public String describe() {
    return method + " " + uri.getRawPath();
  }
}
