package io.rolloutpilot.core.rollout.follow;

import io.rolloutpilot.core.rollout.Rollout;
import java.time.Duration;

/**
 * How following ended.
 *
 * @param rollout the last state seen (null only if none was ever seen)
 * @param reason one line saying why it ended, in Argo's words where Argo has them
 */
public record FollowResult(Outcome outcome, Rollout rollout, RolloutProgress progress, String reason,
    Duration elapsed) {

  public enum Outcome { HEALTHY, PAUSED, DEGRADED, TIMED_OUT, DELETED }

  public boolean succeeded() {
    return outcome == Outcome.HEALTHY || outcome == Outcome.PAUSED;
  }
}
