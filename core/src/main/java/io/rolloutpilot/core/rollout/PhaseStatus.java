package io.rolloutpilot.core.rollout;

/** A phase with the reason Argo gives for it; {@code message} is empty, never null. */
public record PhaseStatus(RolloutPhase phase, String message) {
  public PhaseStatus {
    message = message == null ? "" : message;
  }

  /** The line {@code kubectl argo rollouts status} prints in watch mode: {@code Paused - CanaryPauseStep}. */
  public String watchLine() {
    return message.isEmpty() ? phase.name() : phase.name() + " - " + message;
  }

  /**
   * The line {@code kubectl argo rollouts status --watch=false} prints: Healthy and Degraded alone
   * (a degraded rollout's message goes into the error instead), other phases with their message.
   */
  public String summaryLine() {
    return phase == RolloutPhase.Healthy || phase == RolloutPhase.Degraded ? phase.name() : watchLine();
  }
}
