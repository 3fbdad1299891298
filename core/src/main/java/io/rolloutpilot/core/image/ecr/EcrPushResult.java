package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.image.push.PushResult;

/** What a push to ECR did: the push itself, the repository as found or created, and the scan (null without a gate). */
public record EcrPushResult(PushResult push, RepositoryInfo repository, ScanReport scan) {}
