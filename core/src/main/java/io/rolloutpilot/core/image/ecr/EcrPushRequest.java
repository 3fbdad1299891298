package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.image.push.PushOptions;
import io.rolloutpilot.core.image.source.SourceSpec;
import java.util.List;

/** A push to ECR: the source, the repository and tags, the repository pre-flight and an optional scan gate (null: none). */
public record EcrPushRequest(SourceSpec from, String repository, List<String> tags, PushOptions options,
    RepositoryRequest repositoryRequest, ScanGateSpec scanGate) {
  public EcrPushRequest {
    tags = List.copyOf(tags);
  }
}
