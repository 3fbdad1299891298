package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a followed release ended: its exit code, its error line and its JSON. */
public final class FollowView {
  private FollowView() {}

  /** 0 when the target (Healthy, or Paused with {@code --until paused}) was reached; 1 for every failure. */
  public static int exitCode(FollowResult result) {
    return result.succeeded() ? ExitCodes.OK : ExitCodes.RELEASE_FAILED;
  }

  /** The error line for a failed follow, worded as Argo's CLI words it where Argo has words for it. */
  public static String failure(FollowResult result) {
    if (result.outcome() == FollowResult.Outcome.DEGRADED) {
      // The reason is the watch line ("Degraded - <message>"), plus a note when a grace period ran out.
      String reason = result.reason();
      return degraded(reason.startsWith("Degraded - ") ? reason.substring("Degraded - ".length()) : reason);
    }
    return result.reason();
  }

  public static String degraded(String message) {
    return "The rollout is in a degraded state with message: " + message;
  }

  public static Map<String, Object> json(FollowResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("outcome", result.outcome().name());
    json.put("reason", result.reason());
    json.put("elapsedSeconds", result.elapsed().toMillis() / 1000.0);
    return json;
  }
}
