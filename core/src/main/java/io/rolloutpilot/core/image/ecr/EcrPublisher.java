package io.rolloutpilot.core.image.ecr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryHttpClients;
import io.rolloutpilot.core.image.push.ImagePublisher;
import io.rolloutpilot.core.image.push.PushEvent;
import io.rolloutpilot.core.image.push.PushListener;
import io.rolloutpilot.core.image.push.PushRequest;
import io.rolloutpilot.core.image.push.PushResult;
import io.rolloutpilot.core.image.reference.PushTarget;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Publishes to Amazon ECR: authorization token, repository pre-flight, the byte-exact push through the
 * registry API with that token (other registries, e.g. a promote source, use {@code otherRegistries}),
 * then the optional scan gate.
 */
public final class EcrPublisher {
  private final EcrClient ecr;
  private final EcrSettings settings;
  private final RegistryHttpClients http;
  private final CredentialsResolver otherRegistries;
  private final ObjectMapper json;
  private final Clock clock;
  private final ScanGate scanGate;

  public EcrPublisher(EcrClient ecr, EcrSettings settings, RegistryHttpClients http,
      CredentialsResolver otherRegistries, ObjectMapper json, Clock clock, ScanGate scanGate) {
    this.ecr = ecr;
    this.settings = settings;
    this.http = http;
    this.otherRegistries = otherRegistries;
    this.json = json;
    this.clock = clock;
    this.scanGate = scanGate;
  }

  public EcrPushResult push(EcrPushRequest request, PushListener listener) throws IOException, InterruptedException {
    EcrTokenProvider token = new EcrTokenProvider(ecr, clock, settings.tokenRefreshMargin(),
        text -> listener.onEvent(PushEvent.of(PushEvent.Kind.TOKEN_REFRESHED, "ecr", text)));
    String host = registryHost(token);
    String registryId = settings.registryId() != null ? settings.registryId()
        : EcrSettings.parseHost(host).map(EcrSettings.HostParts::account).orElse(null);
    RepositoryInfo repository = new RepositoryPreflight(ecr, listener)
        .ensure(registryId, request.repository(), request.repositoryRequest());
    CredentialsResolver credentials = authority -> authority.equals(host) ? token
        : otherRegistries.forRegistry(authority);
    ImagePublisher publisher = new ImagePublisher(http, credentials, json, clock);
    PushTarget target = new PushTarget(host, request.repository(), request.tags());
    PushResult pushed = publisher.push(new PushRequest(request.from(), target,
        request.options().withImmutableTags(request.options().immutableTags() || repository.immutableTags())),
        listener);
    ScanReport scan = null;
    if (request.scanGate() != null) {
      scan = scanGate.await(registryId, request.repository(), pushed.digest(), request.scanGate(), listener);
    }
    EcrPushResult result = new EcrPushResult(pushed, repository, scan);
    if (scan != null && !scan.passed()) {
      throw new ScanGateFailedException(result);
    }
    return result;
  }

  private String registryHost(EcrTokenProvider token) {
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
