package io.rolloutpilot.core.image.ecr;

/** An ECR repository as the pre-flight found (or created) it. */
public record RepositoryInfo(String name, String uri, boolean immutableTags, boolean scanOnPush, boolean created) {}
