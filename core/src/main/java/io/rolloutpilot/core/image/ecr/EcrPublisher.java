package io.rolloutpilot.core.image.ecr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryHttpClients;
import io.rolloutpilot.core.image.push.ImagePublisher;
import io.rolloutpilot.core.image.push.PushRequest;
import io.rolloutpilot.core.image.push.PushResult;
import io.rolloutpilot.core.image.reference.PushTarget;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Clock;
import software.amazon.awssdk.services.ecr.EcrClient;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.RegistryTokenRefreshed;
import io.rolloutpilot.core.image.oci.RegistryAccess;

/**
 * Publishes to Amazon ECR: authorization token, repository pre-flight, the byte-exact push through the
 * registry API with that token (other registries, e.g. a promote source, use {@code otherRegistries}),
 * then the optional scan gate.
 */
public final class EcrPublisher {
  private final EcrClient ecr;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration scanPollInterval;

  /** @param ecr the ECR API client for the request's settings; the caller owns it */
  public EcrPublisher(EcrClient ecr, ObjectMapper json, Clock clock, Duration scanPollInterval) {
    this.ecr = ecr;
    this.json = json;
    this.clock = clock;
    this.scanPollInterval = scanPollInterval;
  }

  public EcrPushResult push(EcrPushRequest request, EngineListener listener) throws IOException, InterruptedException {
    EcrTokenProvider token = new EcrTokenProvider(ecr, clock, request.settings().tokenRefreshMargin(),
        (renewal, validUntil) -> listener.on(new RegistryTokenRefreshed("ecr", renewal, validUntil)));
    EcrSettings settings = request.settings();
    String host = registryHost(settings, token);
    String registryId = settings.registryId() != null ? settings.registryId()
        : EcrSettings.parseHost(host).map(EcrSettings.HostParts::account).orElse(null);
    RepositoryInfo repository = new RepositoryPreflight(ecr, listener)
        .ensure(registryId, request.repository(), request.repositoryRequest());
    CredentialsResolver others = request.otherRegistries().credentials();
    CredentialsResolver credentials = authority -> authority.equals(host) ? token : others.forRegistry(authority);
    ImagePublisher publisher = new ImagePublisher(json, clock);
    PushTarget target = new PushTarget(host, request.repository(), request.tags());
    PushResult pushed = publisher.push(new PushRequest(request.from(), target,
        request.options().withImmutableTags(request.options().immutableTags() || repository.immutableTags()),
        new RegistryAccess(request.otherRegistries().tls(), credentials)), listener);
    ScanReport scan = null;
    if (request.scanGate() != null) {
      scan = new ScanGate(ecr, clock, scanPollInterval, request.scanTimeout())
          .await(registryId, request.repository(), pushed.digest(), request.scanGate(), listener);
    }
    return new EcrPushResult(pushed, repository, scan);
  }

  private static String registryHost(EcrSettings settings, EcrTokenProvider token) {
    if (settings.registryEndpoint() != null) {
      return authority(settings.registryEndpoint());
    }
    if (settings.registryId() != null) {
      return settings.hostFor(settings.registryId());
    }
    return authority(token.proxyEndpoint());
  }

  private static String authority(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }
}
