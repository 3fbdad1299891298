package io.rolloutpilot.core.image.oci;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One request to a registry. {@code body} is a supplier so the request can be sent again after an
 * auth challenge; {@code scope} is the token scope it needs ({@code repository:team/app:pull,push}).
 */
public record RegistryCall(String method, URI uri, String scope, Supplier<BodyPublisher> body,
    Map<String, String> headers, Duration timeout) {
  public RegistryCall {
    headers = Map.copyOf(headers);
  }

  /** Method and path only: what error messages and progress may show (query strings may hold upload state). */
  public String describe() {
    return method + " " + uri.getRawPath();
  }
}
