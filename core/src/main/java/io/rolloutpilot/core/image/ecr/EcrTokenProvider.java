package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.image.oci.BasicCredentials;
import io.rolloutpilot.core.image.oci.RegistryCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BiConsumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;

/**
 * ECR's registry password from GetAuthorizationToken, fetched per push (never written to a docker
 * config), cached until {@code margin} before it expires, and renewed once when the registry rejects it.
 */
public final class EcrTokenProvider implements RegistryCredentials {
  private final EcrClient ecr;
  private final Clock clock;
  private final Duration margin;
  private final BiConsumer<Boolean, Instant> onFetch;
  private BasicCredentials credentials;
  private Instant expiresAt;
  private URI proxyEndpoint;

  /** @param onFetch told of every token fetched: whether it renews one, and until when it is valid */
  public EcrTokenProvider(EcrClient ecr, Clock clock, Duration margin, BiConsumer<Boolean, Instant> onFetch) {
    this.ecr = ecr;
    this.clock = clock;
    this.margin = margin;
    this.onFetch = onFetch;
  }

  @Override
  public synchronized Optional<BasicCredentials> current() {
    if (credentials == null || !clock.instant().isBefore(expiresAt.minus(margin))) {
      fetch();
    }
    return Optional.of(credentials);
  }

  @Override
  public synchronized boolean refresh() {
    fetch();
    return true;
  }

  /** The registry URL the token is for (the caller's own registry unless overridden). */
  public synchronized URI proxyEndpoint() {
    current();
    return proxyEndpoint;
  }

  public synchronized Instant expiresAt() {
    return expiresAt;
  }

  private void fetch() {
    boolean renewal = credentials != null;
    AuthorizationData data;
    try {
      data = ecr.getAuthorizationToken(r -> { }).authorizationData().get(0);
    } catch (SdkException e) {
      throw EcrErrors.from("GetAuthorizationToken", e, "ecr:GetAuthorizationToken in this region");
    }
    String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw EcrErrors.failed("InvalidAuthorizationToken", "GetAuthorizationToken returned a token that is not"
          + " user:password", null);
    }
    credentials = new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    expiresAt = data.expiresAt() == null ? clock.instant().plus(Duration.ofHours(12)) : data.expiresAt();
    proxyEndpoint = URI.create(data.proxyEndpoint());
    onFetch.accept(renewal, expiresAt);
  }
}
