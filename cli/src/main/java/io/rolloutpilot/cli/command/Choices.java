package io.rolloutpilot.cli.command;

import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.core.validation.Durations;
import io.rolloutpilot.core.validation.InvalidInputException;
import java.time.Duration;

/** Parses option values into engine types with messages that name the option and what it accepts. */
final class Choices {
  private Choices() {}

  /** {@code healthy|paused|none}; none (only where allowed) yields null: do not follow. */
  static WaitTarget waitTarget(String option, String text, boolean noneAllowed) {
    switch (text) {
      case "healthy":
        return WaitTarget.HEALTHY;
      case "paused":
        return WaitTarget.PAUSED_OR_HEALTHY;
      case "none":
        if (noneAllowed) {
          return null;
        }
        break;
      default:
        break;
    }
    throw new InvalidInputException(option, "'" + text + "' is not allowed; use "
        + (noneAllowed ? "healthy, paused or none" : "healthy or paused"));
  }

  /** A duration such as 30s, 5m or 1h30m; 0 means no limit (timeouts) or no grace. */
  static Duration duration(String option, String text) {
    return Durations.parse(option, text);
  }
}
