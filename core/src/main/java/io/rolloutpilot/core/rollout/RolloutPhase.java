package io.rolloutpilot.core.rollout;

/** The four phases Argo Rollouts reports, spelled as Argo spells them. */
public enum RolloutPhase {
  Healthy,
  Progressing,
  Paused,
  Degraded;

  /** Parses {@code status.phase}; an empty or unknown value yields null so the caller computes it. */
  public static RolloutPhase parse(String text) {
    if (text == null) {
      return null;
    }
    for (RolloutPhase phase : values()) {
      if (phase.name().equals(text)) {
        return phase;
      }
    }
    return null;
  }
}
