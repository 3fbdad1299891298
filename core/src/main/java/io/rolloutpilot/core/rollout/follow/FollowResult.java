package io.rolloutpilot.core.rollout.follow;

import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutStatusReport;
import java.time.Duration;

/**
 * How following ended.
 *
 * @param rollout the last state seen (null only if none was ever seen)
 * @param reason one line saying why it ended, in Argo's words where Argo has them
 * @param status the Rollout's status when following ended, read once more so a front end can show it
 *     without calling the engine again; null when the Rollout was deleted or the follow was not finished
 *     by a service that reads it
 */
public record FollowResult(Outcome outcome, Rollout rollout, RolloutProgress progress, String reason,
    Duration elapsed, RolloutStatusReport status) {

  public enum Outcome { HEALTHY, PAUSED, DEGRADED, TIMED_OUT, DELETED }

  public boolean succeeded() {
    return outcome == Outcome.HEALTHY || outcome == Outcome.PAUSED;
  }

  public FollowResult withStatus(RolloutStatusReport finalStatus) {
    return new FollowResult(outcome, rollout, progress, reason, elapsed, finalStatus);
  }
}
