package io.rolloutpilot.testkit.ecr;

import io.rolloutpilot.testkit.registry.ProxyAction;
import io.rolloutpilot.testkit.registry.ProxyRequest;
import io.rolloutpilot.testkit.registry.ProxyRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * ECR's data-plane behaviour in front of a plain docker-registry: Basic auth with user {@code AWS} and
 * a token password from the control-plane fake (an expired one gets ECR's 403 "token has expired"),
 * {@code NAME_UNKNOWN} for repositories the control plane does not know, {@code TAG_INVALID} for an
 * existing tag in an immutable repository. Accepted requests are forwarded without the Authorization header.
 */
public final class EcrDataPlane implements ProxyRule {
  private final EcrControlPlaneFake control;
  private final URI backend;
  private final String realm;
  private final HttpClient client = HttpClient.newHttpClient();

  public EcrDataPlane(EcrControlPlaneFake control, URI backend, String realm) {
    this.control = control;
    this.backend = backend;
    this.realm = realm;
  }

  @Override
  public Optional<ProxyAction> apply(ProxyRequest request) {
    Optional<ProxyAction> denied = authenticate(request.header("authorization"));
    if (denied.isPresent()) {
      return denied;
    }
    String name = repository(request.path());
    if (name != null && !control.repositoryExists(name)) {
      return Optional.of(ProxyAction.respond(404, "NAME_UNKNOWN", "The repository with name '" + name
          + "' does not exist in the registry with id '" + EcrControlPlaneFake.ACCOUNT + "'"));
    }
    if (name != null && request.isManifestPut() && control.immutable(name)) {
      String tag = request.path().substring(request.path().lastIndexOf('/') + 1);
      if (!tag.startsWith("sha256:") && tagExists(request.path())) {
        return Optional.of(ProxyAction.respond(400, "TAG_INVALID", "The image tag '" + tag + "' already exists in"
            + " the '" + name + "' repository and cannot be overwritten because the tag is immutable."));
      }
    }
    return Optional.of(new ProxyAction.Forward(Map.of("authorization", ""), 0));
  }

  private Optional<ProxyAction> authenticate(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return Optional.of(unauthorized());
    }
    String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    Boolean expired = colon < 0 || !decoded.startsWith("AWS:") ? null : control.tokenExpired(decoded.substring(4));
    if (expired == null) {
      return Optional.of(unauthorized());
    }
    if (expired) {
      return Optional.of(ProxyAction.respond(403, "DENIED",
          "Your authorization token has expired. Reauthenticate and try again."));
    }
    return Optional.empty();
  }

  private ProxyAction unauthorized() {
    return new ProxyAction.Respond(401, Map.of("Content-Type", "application/json", "WWW-Authenticate",
        "Basic realm=\"" + realm + "\",service=\"ecr.amazonaws.com\""),
        "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
  }

  private boolean tagExists(String manifestPath) {
    try {
      HttpRequest head = HttpRequest.newBuilder(backend.resolve(manifestPath))
          .method("HEAD", HttpRequest.BodyPublishers.noBody())
          .header("Accept", "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json,"
              + " application/vnd.docker.distribution.manifest.v2+json,"
              + " application/vnd.docker.distribution.manifest.list.v2+json").build();
      return client.send(head, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The repository name of a {@code /v2/<name>/(blobs|manifests|tags)/...} path, or null for {@code /v2/}. */
  static String repository(String path) {
    for (String marker : new String[] {"/blobs/", "/manifests/", "/tags/"}) {
      int at = path.indexOf(marker);
      if (path.startsWith("/v2/") && at > 4) {
        return path.substring(4, at);
      }
    }
    return null;
  }
}
