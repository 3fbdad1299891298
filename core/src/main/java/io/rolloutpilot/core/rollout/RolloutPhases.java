package io.rolloutpilot.core.rollout;

import java.util.List;

/**
 * Decides a Rollout's phase the way Argo Rollouts v1.9.1 does: the controller's
 * {@code CalculateRolloutPhase} and the client's {@code GetRolloutPhase}, which overrides the
 * stored phase while the controller has not caught up. Pure functions of the Rollout.
 */
public final class RolloutPhases {
  static final String WAITING_FOR_SPEC = "waiting for rollout spec update to be observed";
  static final String WAITING_FOR_WORKLOAD = "waiting for rollout spec update to be observed for the reference workload";
  static final String WAITING_FOR_UNPAUSE = "waiting for rollout to unpause";
  static final String WAITING_FOR_ABORT = "waiting for the controller to abort";
  static final String WAITING_FOR_RETRY = "waiting for the controller to retry";
  static final String WAITING_FOR_PROMOTE_FULL = "waiting for the controller to promote fully";
  private static final List<String> DEGRADING_REASONS = List.of("RolloutAborted", "ProgressDeadlineExceeded");

  private RolloutPhases() {}

  /** The phase users see: {@code kubectl argo rollouts status} and {@code get} show exactly this. */
  public static PhaseStatus clientPhase(Rollout rollout) {
    if (!RolloutPredicates.isGenerationObserved(rollout)) {
      return new PhaseStatus(RolloutPhase.Progressing, WAITING_FOR_SPEC);
    }
    Rollout.Status status = rollout.status();
    if (RolloutPredicates.isUnpausing(rollout)) {
      return new PhaseStatus(RolloutPhase.Progressing, WAITING_FOR_UNPAUSE);
    }
    if (rollout.spec().workloadRef() && !RolloutPredicates.isWorkloadGenerationObserved(rollout)) {
      return new PhaseStatus(RolloutPhase.Progressing, WAITING_FOR_WORKLOAD);
    }
    RolloutPhase stored = RolloutPhase.parse(status.phase());
    return stored != null ? new PhaseStatus(stored, status.message()) : controllerPhase(rollout);
  }

  /**
   * The phase a follower judges by: {@link #clientPhase} plus our own overrides for the moment between
   * a user's status patch and the controller acting on it. Argo overrides only the promote case
   * ("waiting for rollout to unpause"); right after {@code abort}, {@code retry} or {@code promote --full}
   * the stored phase is still the old one (Paused, or Degraded from the abort being retried), and a
   * follower that believed it would stop at a state the rollout is already leaving.
   */
  public static PhaseStatus followPhase(Rollout rollout) {
    PhaseStatus client = clientPhase(rollout);
    Rollout.Status status = rollout.status();
    if (RolloutPredicates.isAborted(rollout) && status.abortedAt().isEmpty()) {
      return new PhaseStatus(RolloutPhase.Progressing, WAITING_FOR_ABORT);
    }
    if (!status.abort() && client.phase() == RolloutPhase.Degraded
        && client.message().startsWith("RolloutAborted")) {
      return new PhaseStatus(RolloutPhase.Progressing, WAITING_FOR_RETRY);
    }
    if (status.promoteFull() && !RolloutPredicates.isPromotedToStable(rollout)
        && client.phase() == RolloutPhase.Paused) {
      return new PhaseStatus(RolloutPhase.Progressing, WAITING_FOR_PROMOTE_FULL);
    }
    return client;
  }

  /** The controller's own calculation, written into {@code status.phase}/{@code message} on every status write. */
  public static PhaseStatus controllerPhase(Rollout rollout) {
    Rollout.Spec spec = rollout.spec();
    Rollout.Status status = rollout.status();
    for (Rollout.Condition condition : status.conditions()) {
      if ("InvalidSpec".equals(condition.type())) {
        return new PhaseStatus(RolloutPhase.Degraded, "InvalidSpec: " + condition.message());
      }
      if (DEGRADING_REASONS.contains(condition.reason())) {
        return new PhaseStatus(RolloutPhase.Degraded, condition.reason() + ": " + condition.message());
      }
    }
    if (spec.paused()) {
      return new PhaseStatus(RolloutPhase.Paused, "manually paused");
    }
    if (!status.pauseConditions().isEmpty()) {
      return new PhaseStatus(RolloutPhase.Paused, status.pauseConditions().get(0).reason());
    }
    if (!spec.restartAt().isEmpty() && !spec.restartAt().equals(status.restartedAt())) {
      return new PhaseStatus(RolloutPhase.Progressing, "rollout is restarting");
    }
    return replicaPhase(rollout);
  }

  private static PhaseStatus replicaPhase(Rollout rollout) {
    Rollout.Spec spec = rollout.spec();
    Rollout.Replicas replicas = rollout.status().replicas();
    if (replicas.updated() < spec.replicas()) {
      return new PhaseStatus(RolloutPhase.Progressing, "more replicas need to be updated");
    }
    if (replicas.available() < replicas.updated()) {
      return new PhaseStatus(RolloutPhase.Progressing, "updated replicas are still becoming available");
    }
    if (spec.isCanary()) {
      if (!spec.trafficRouted() && replicas.current() > replicas.updated()) {
        return new PhaseStatus(RolloutPhase.Progressing, "old replicas are pending termination");
      }
      if (!RolloutPredicates.isPromotedToStable(rollout)) {
        return new PhaseStatus(RolloutPhase.Progressing, "waiting for all steps to complete");
      }
    }
    return new PhaseStatus(RolloutPhase.Healthy, "");
  }
}
