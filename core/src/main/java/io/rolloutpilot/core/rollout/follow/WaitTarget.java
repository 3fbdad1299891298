package io.rolloutpilot.core.rollout.follow;

/** Where following stops with success. */
public enum WaitTarget {
  /** Only a Healthy rollout succeeds; like {@code kubectl argo rollouts status}. */
  HEALTHY,
  /** A Paused rollout also succeeds, so a pipeline can stop at a manual gate. */
  PAUSED_OR_HEALTHY
}
