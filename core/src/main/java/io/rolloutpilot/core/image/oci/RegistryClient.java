package io.rolloutpilot.core.image.oci;

import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The OCI distribution API of one registry, as a push needs it: blob existence, cross-repository
 * mount, upload as POST then one monolithic PUT with the digest (never chunked PATCHes: ECR drops
 * chunks after the first), manifests by exact bytes, tag lookup, and reads for registry sources.
 * Single requests are retried by the {@link Retrier}; a whole blob upload is retried by its caller.
 */
public final class RegistryClient {
  private final String registry;
  private final RegistryTransport transport;
  private final Retrier retrier;
  private final BlobRedirects redirects;

  public RegistryClient(String registry, RegistryTransport transport, Retrier retrier, BlobRedirects redirects) {
    this.registry = registry;
    this.transport = transport;
    this.retrier = retrier;
    this.redirects = redirects;
  }

  public String registry() {
    return registry;
  }

  public boolean blobExists(String repository, Digest digest) throws IOException, InterruptedException {
    RegistryCall call = call("HEAD", blobPath(repository, digest), push(repository), null, Map.of());
    return retrier.run(call.describe(), () -> transport.send(call, LimitedBody.handler(), true))
        .statusCode() != 404;
  }

  /** Asks the registry to link the blob from {@code fromRepository}; false when it opened an upload instead. */
  public boolean mountBlob(String repository, Digest digest, String fromRepository)
      throws IOException, InterruptedException {
    String path = "/v2/" + repository + "/blobs/uploads/?mount=" + encode(digest.value()) + "&from="
        + encode(fromRepository);
    String scope = push(repository) + " repository:" + fromRepository + ":pull";
    RegistryCall call = call("POST", path, scope, BodyPublishers::noBody, Map.of());
    HttpResponse<byte[]> response = retrier.run(call.describe(), () -> transport.send(call, LimitedBody.handler(),
        false));
    if (response.statusCode() == 201) {
      return true;
    }
    response.headers().firstValue("Location").ifPresent(location -> cancelQuietly(repository, location));
    return false;
  }

  /**
   * One upload attempt: POST opens a session, one PUT with {@code ?digest=} sends the whole blob.
   * Not retried here, because the body stream must be reopened; the caller retries the attempt.
   * {@code body} makes the PUT's body for a {@link TransferProgress} it reports to; a body that does
   * not report must be sent whole within the stall timeout.
   */
  public void uploadBlob(String repository, Descriptor blob, Function<TransferProgress, BodyPublisher> body)
      throws IOException, InterruptedException {
    RegistryCall open = call("POST", "/v2/" + repository + "/blobs/uploads/", push(repository),
        BodyPublishers::noBody, Map.of());
    HttpResponse<byte[]> started = transport.send(open, LimitedBody.handler(), false);
    if (started.statusCode() == 201) {
      return;
    }
    String location = started.headers().firstValue("Location").orElseThrow(() -> RegistryErrors.answered(
        registry, started.statusCode(), "BLOB_UPLOAD_INVALID", registry + " opened an upload without a Location ("
            + open.describe() + ")", null));
    URI target = transport.resolve(location + (location.contains("?") ? "&" : "?") + "digest="
        + encode(blob.digest().value()));
    // the body reports how it moves, so a registry that stops taking it (or stops answering) fails the upload
    TransferProgress progress = new TransferProgress();
    RegistryCall put = new RegistryCall("PUT", target, push(repository), () -> body.apply(progress),
        Map.of("Content-Type", "application/octet-stream"), progress);
    HttpResponse<byte[]> done = transport.send(put, LimitedBody.handler(), false);
    verifyDigest(done, blob.digest(), put);
  }

  /** Puts the manifest's exact bytes under {@code reference} (a digest or a tag); returns the registry's digest. */
  public Digest putManifest(String repository, String reference, Manifest manifest)
      throws IOException, InterruptedException {
    RegistryCall call = call("PUT", "/v2/" + repository + "/manifests/" + reference, push(repository),
        () -> BodyPublishers.ofByteArray(manifest.bytes()), Map.of("Content-Type", manifest.mediaType()));
    HttpResponse<byte[]> response = retrier.run(call.describe(),
        () -> transport.send(call, LimitedBody.handler(), false));
    return verifyDigest(response, manifest.digest(), call);
  }

  /** The digest a tag (or digest) points at now, or empty when it does not exist. */
  public Optional<Digest> manifestDigest(String repository, String reference)
      throws IOException, InterruptedException {
    RegistryCall call = call("HEAD", "/v2/" + repository + "/manifests/" + reference, push(repository), null,
        Map.of("Accept", String.join(", ", io.rolloutpilot.core.image.reference.MediaTypes.MANIFEST_ACCEPT)));
    HttpResponse<byte[]> response = retrier.run(call.describe(),
        () -> transport.send(call, LimitedBody.handler(), true));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
    if (header.isPresent()) {
      return Optional.of(Digest.parse("Docker-Content-Digest", header.get()));
    }
    return Optional.of(fetchManifest(repository, reference).digest());
  }

  /** GETs a manifest; the digest is computed from the bytes, never taken on trust. */
  public FetchedManifest fetchManifest(String repository, String reference) throws IOException, InterruptedException {
    RegistryCall call = call("GET", "/v2/" + repository + "/manifests/" + reference, pull(repository), null,
        Map.of("Accept", String.join(", ", io.rolloutpilot.core.image.reference.MediaTypes.MANIFEST_ACCEPT)));
    HttpResponse<byte[]> response = retrier.run(call.describe(),
        () -> transport.send(call, LimitedBody.handler(), true));
    if (response.statusCode() == 404) {
      throw RegistryErrors.answered(registry, 404, "MANIFEST_UNKNOWN", registry + "/" + repository + ":"
          + reference + " does not exist (" + call.describe() + ")", null);
    }
    String type = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse(null);
    return new FetchedManifest(type, Digest.of(response.body()), response.body());
  }

  /**
   * Opens a blob for reading; redirects (to object storage) are followed without the registry's
   * credentials. Each read of the stream must finish within the stall timeout.
   */
  public InputStream openBlob(String repository, Digest digest) throws IOException, InterruptedException {
    RegistryCall call = call("GET", blobPath(repository, digest), pull(repository), null, Map.of());
    HttpResponse<InputStream> response = transport.send(call, BodyHandlers.ofInputStream(), false);
    return new GuardedInputStream(redirects.follow(response, call.describe()), transport.timeouts().stall(),
        registry, call.describe());
  }

  private Digest verifyDigest(HttpResponse<?> response, Digest expected, RegistryCall call) {
    Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
    if (header.isPresent() && !header.get().equals(expected.value())) {
      throw RegistryErrors.answered(registry, response.statusCode(), "DIGEST_INVALID", registry + " stored "
          + header.get() + " where " + expected + " was sent (" + call.describe() + "): the registry altered the"
          + " content, so it cannot hold this image byte for byte", null);
    }
    return expected;
  }

  private void cancelQuietly(String repository, String location) {
    try {
      transport.send(new RegistryCall("DELETE", transport.resolve(location), push(repository), null, Map.of()),
          BodyHandlers.discarding(), true);
    } catch (IOException | RuntimeException e) {
      // an abandoned upload session expires on the registry; nothing to report
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private RegistryCall call(String method, String path, String scope, Supplier<BodyPublisher> body,
      Map<String, String> headers) {
    return new RegistryCall(method, transport.resolve(path), scope, body, headers);
  }

  private static String blobPath(String repository, Digest digest) {
    return "/v2/" + repository + "/blobs/" + digest.value();
  }

  private static String push(String repository) {
    return "repository:" + repository + ":pull,push";
  }

  private static String pull(String repository) {
    return "repository:" + repository + ":pull";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
