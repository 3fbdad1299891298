package io.rolloutpilot.core.image.oci;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Follows the redirect a registry answers a blob GET with (ECR and others hand out pre-signed object
 * storage URLs). The redirect target gets no Authorization header: it is a different service.
 */
public final class BlobRedirects {
  private static final int MAX_HOPS = 5;
  private final java.util.function.Supplier<HttpClient> client;
  private final BoundedExchange exchange;

  public BlobRedirects(java.util.function.Supplier<HttpClient> client, BoundedExchange exchange) {
    this.client = client;
    this.exchange = exchange;
  }

  public InputStream follow(HttpResponse<InputStream> first, String request) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = first;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      int status = response.statusCode();
      if (status < 300 || status >= 400) {
        if (status >= 400) {
          response.body().close();
          throw RegistryErrors.answered(response.uri().getAuthority(), status, "BLOB_UNKNOWN",
              "reading a blob failed with " + status + " (" + request + ")", null);
        }
        return response.body();
      }
      URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow(
          () -> new IOException("redirect without Location (" + request + ")")));
      response.body().close();
      response = exchange.send(client.get(), HttpRequest.newBuilder(next).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream(), next.getAuthority(), "GET " + next.getRawPath() + " (redirect of "
          + request + ")");
    }
    throw new IOException("too many redirects (" + request + ")");
  }
}
