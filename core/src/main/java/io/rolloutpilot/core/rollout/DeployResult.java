package io.rolloutpilot.core.rollout;

import io.rolloutpilot.core.rollout.follow.FollowResult;

/**
 * @param generation the Rollout generation our update produced
 * @param follow how following ended, or null when the request did not wait
 */
public record DeployResult(RolloutRef rollout, String container, String image, long generation,
    FollowResult follow) {}
