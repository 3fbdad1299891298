package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.core.validation.Durations;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How long a release may take, how long the API server may be away, and how to treat an exceeded
 * progress deadline; declared once for every command that follows.
 */
final class FollowOptions {
  @Option(names = "--timeout", paramLabel = "D", defaultValue = "0",
      description = "give up after D (e.g. 15m), counted from the start of the command: exit 1 when the rollout"
          + " has not reached the target, 3 when the API server did not answer; 0 waits for the outcome"
          + " (default: ${DEFAULT-VALUE})")
  String timeout;

  @Option(names = "--max-outage", paramLabel = "D", defaultValue = "2m",
      description = "while following, give up with exit 3 when the API server has been unreachable for D, even"
          + " with --timeout 0; 0 gives up as soon as the lost watch is noticed (default: ${DEFAULT-VALUE})")
  String maxOutage;

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

  Duration maxOutage() {
    return Durations.parse("maxOutage", maxOutage);
  }
}
