package io.rolloutpilot.core.rollout.follow;

import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.error.ServerReply;
import io.rolloutpilot.core.error.UnreachableException;
import io.rolloutpilot.core.kube.ClusterErrors;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.validation.Durations;
import java.time.Duration;

/**
 * Why following stopped because of the API server rather than the rollout: the outcome is then
 * unknown, which is an environment error, not a failed release.
 */
public final class FollowErrors {
  private FollowErrors() {}

  /** The time given ran out before the first list of the watch arrived. */
  public static UnreachableException neverAnswered(RolloutRef rollout, Duration budget) {
    return unreachable("follow rollout " + rollout + ": the API server did not answer within "
        + Durations.format(budget) + ", the time given for the whole operation, so its watch never started");
  }

  /** The time given ran out while the API server was unreachable. */
  public static UnreachableException unreachableAtDeadline(RolloutRef rollout, Duration budget, Duration outage) {
    return unreachable("follow rollout " + rollout + ": the API server had been unreachable for "
        + measured(outage) + " when the time given (" + Durations.format(budget)
        + ") ran out; the rollout's outcome is unknown");
  }

  /** The API server stayed unreachable longer than allowed. */
  public static UnreachableException outageTooLong(RolloutRef rollout, Duration maxOutage, Duration outage) {
    return unreachable("follow rollout " + rollout + ": the API server has been unreachable for "
        + measured(outage) + ", longer than the " + Durations.format(maxOutage)
        + " allowed; the rollout's outcome is unknown");
  }

  private static UnreachableException unreachable(String problem) {
    return new UnreachableException(new Details(null, problem, Hint.CHECK_KUBE_CONNECTION,
        new ServerReply(ClusterErrors.SERVER, 0, null)));
  }

  /** A measured duration to the second (to the millisecond below one): "12s", not "12347ms". */
  public static String measured(Duration duration) {
    long millis = Math.max(0, duration.toMillis());
    return Durations.format(millis < 1000 ? Duration.ofMillis(millis)
        : Duration.ofSeconds(Math.round(millis / 1000.0)));
  }
}
