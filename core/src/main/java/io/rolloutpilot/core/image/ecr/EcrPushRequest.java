package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.image.oci.RegistryAccess;
import io.rolloutpilot.core.image.push.PushOptions;
import io.rolloutpilot.core.image.source.SourceSpec;
import java.time.Duration;
import java.util.List;

/**
 * A push to ECR: the source, the registry and how to reach it, the repository and tags, the repository
 * pre-flight and an optional scan gate (null: none).
 *
 * @param otherRegistries how to reach registries other than ECR, such as a {@code docker://} source
 * @param scanTimeout how long the scan gate waits for the scan
 */
public record EcrPushRequest(SourceSpec from, EcrSettings settings, String repository, List<String> tags,
    PushOptions options, RepositoryRequest repositoryRequest, ScanGateSpec scanGate, Duration scanTimeout,
    RegistryAccess otherRegistries) {
  public EcrPushRequest {
    tags = List.copyOf(tags);
    scanTimeout = scanTimeout == null ? Duration.ofMinutes(10) : scanTimeout;
  }
}
