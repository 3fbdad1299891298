package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.core.validation.Durations;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long to follow a release and how to treat an exceeded progress deadline; declared once for every follower. */
final class FollowOptions {
  @Option(names = "--timeout", paramLabel = "D", defaultValue = "0",
      description = "give up following after D (e.g. 15m), exit 1; 0 waits for the outcome (default: ${DEFAULT-VALUE})")
  String timeout;

  @Option(names = "--degraded-grace", paramLabel = "D", defaultValue = "0",
      description = "keep following through a ProgressDeadlineExceeded without an abort for up to D, since such a"
          + " deadline can pass; 0 fails at once (default: ${DEFAULT-VALUE})")
  String degradedGrace;

  Duration timeout() {
    return Durations.parse("timeout", timeout);
  }

  Duration degradedGrace() {
    return Durations.parse("degradedGrace", degradedGrace);
  }
}
