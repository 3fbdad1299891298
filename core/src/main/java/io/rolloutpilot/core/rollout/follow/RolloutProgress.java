package io.rolloutpilot.core.rollout.follow;

import io.rolloutpilot.core.rollout.PhaseStatus;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutPhases;
import io.rolloutpilot.core.rollout.RolloutWeights;

/**
 * The part of a Rollout's state a person follows: a new value of this record is a progress event. The
 * phase is {@link RolloutPhases#followPhase}, so a state the controller has not yet acted on never ends
 * following.
 *
 * @param stepIndex null when the Rollout has no steps
 * @param analysisRun name of the current step (or else background) AnalysisRun, or null
 * @param analysisPhase that run's phase as mirrored in the Rollout status ("" right after creation)
 */
public record RolloutProgress(PhaseStatus phase, Integer stepIndex, int stepCount, int setWeight, int actualWeight,
    String analysisRun, String analysisPhase) {

  public static RolloutProgress of(Rollout rollout) {
    Rollout.AnalysisRunStatus run = rollout.status().stepAnalysisRun() != null ? rollout.status().stepAnalysisRun()
        : rollout.status().backgroundAnalysisRun();
    return new RolloutProgress(RolloutPhases.followPhase(rollout), rollout.status().currentStepIndex(),
        rollout.spec().steps().size(), RolloutWeights.setWeight(rollout), RolloutWeights.actualWeight(rollout, null),
        run == null ? null : run.name(), run == null ? null : run.status());
  }
}
