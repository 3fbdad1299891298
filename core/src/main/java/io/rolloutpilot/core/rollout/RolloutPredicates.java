package io.rolloutpilot.core.rollout;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The small questions Argo Rollouts asks of a Rollout before it decides a phase, each named and
 * answered once, the way Argo's controller and CLI answer them, so every part of the engine agrees.
 */
public final class RolloutPredicates {
  static final String WORKLOAD_GENERATION = "rollout.argoproj.io/workload-generation";
  /** Go's {@code strconv.Atoi}: an optional sign and ASCII digits, nothing else (no spaces). */
  private static final Pattern GO_INTEGER = Pattern.compile("[+-]?[0-9]+");

  private RolloutPredicates() {}

  /**
   * The stable ReplicaSet is the desired one. True before the first release completes as well, when
   * both are empty, as in Argo; {@link #isPromotedToStable} excludes that case.
   */
  public static boolean isFullyPromoted(Rollout rollout) {
    return rollout.status().stableRS().equals(rollout.status().currentPodHash());
  }

  /** A stable ReplicaSet exists and is the desired one: the last release completed. */
  public static boolean isPromotedToStable(Rollout rollout) {
    return !rollout.status().stableRS().isEmpty() && isFullyPromoted(rollout);
  }

  /**
   * The controller has seen the current spec. {@code status.observedGeneration} is a string; a value
   * that is not an integer (a hash, from pre-1.0 controllers) and one above the generation both count as
   * observed.
   */
  public static boolean isGenerationObserved(Rollout rollout) {
    return goInteger(rollout.status().observedGeneration(), Long.MIN_VALUE, Long.MAX_VALUE)
        .map(observed -> observed >= rollout.metadata().generation())
        .orElse(true);
  }

  /** A user cleared the pause conditions and the controller has not reacted yet. */
  public static boolean isUnpausing(Rollout rollout) {
    return rollout.status().controllerPause() && rollout.status().pauseConditions().isEmpty();
  }

  /**
   * With a workload reference, the controller has seen the referenced workload's generation. Both
   * numbers are 32-bit integers to Argo; either one missing or unreadable counts as observed.
   */
  public static boolean isWorkloadGenerationObserved(Rollout rollout) {
    Optional<Long> wanted = goInteger(rollout.metadata().annotations().get(WORKLOAD_GENERATION),
        Integer.MIN_VALUE, Integer.MAX_VALUE);
    Optional<Long> observed = goInteger(rollout.status().workloadObservedGeneration(), Integer.MIN_VALUE,
        Integer.MAX_VALUE);
    return wanted.isEmpty() || observed.isEmpty() || wanted.get().equals(observed.get());
  }

  /** The update was aborted, by a user or by failed analysis. */
  public static boolean isAborted(Rollout rollout) {
    return rollout.status().abort();
  }

  /** An integer as Go parses it, within {@code [min, max]}; empty for anything Go would refuse. */
  static Optional<Long> goInteger(String text, long min, long max) {
    if (text == null || !GO_INTEGER.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      long value = Long.parseLong(text);
      return value < min || value > max ? Optional.empty() : Optional.of(value);
    } catch (NumberFormatException overflow) {
      return Optional.empty();
    }
  }
}
