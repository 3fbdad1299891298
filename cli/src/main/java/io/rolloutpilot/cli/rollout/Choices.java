package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.core.error.InvalidInputException;

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
}
