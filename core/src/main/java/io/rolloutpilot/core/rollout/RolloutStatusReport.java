package io.rolloutpilot.core.rollout;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code status} shows about one Rollout, the same for the CLI's text and JSON and for the
 * build page. Images come from the ReplicaSets: the stable one is {@code status.stableRS}, the canary
 * one the current pod-template hash while it differs from stable.
 *
 * @param stepIndex null for a Rollout without steps
 * @param revision the Rollout's current revision (its {@code rollout.argoproj.io/revision}), or null
 * @param analysisRun the current step (else background) AnalysisRun, or null
 */
public record RolloutStatusReport(String name, String namespace, RolloutPhase phase, String message,
    Integer stepIndex, int stepCount, int setWeight, int actualWeight, Map<String, String> stableImages,
    Map<String, String> canaryImages, Long revision, String stableHash, String canaryHash,
    Rollout.AnalysisRunStatus analysisRun, Rollout.Replicas replicas, boolean aborted, long generation,
    boolean generationObserved) {

  public static RolloutStatusReport of(Rollout rollout, List<ReplicaSetInfo> replicaSets) {
    Rollout.Status status = rollout.status();
    PhaseStatus phase = RolloutPhases.clientPhase(rollout);
    String stable = status.stableRS();
    String canary = status.currentPodHash().equals(stable) ? "" : status.currentPodHash();
    Integer canaryAvailable = replicaSets.stream().filter(rs -> !canary.isEmpty() && canary.equals(rs.podTemplateHash()))
        .map(ReplicaSetInfo::availableReplicas).findFirst().orElse(null);
    Rollout.AnalysisRunStatus run = status.stepAnalysisRun() != null ? status.stepAnalysisRun()
        : status.backgroundAnalysisRun();
    return new RolloutStatusReport(rollout.metadata().name(), rollout.metadata().namespace(), phase.phase(),
        phase.message(), status.currentStepIndex(), rollout.spec().steps().size(), RolloutWeights.setWeight(rollout),
        RolloutWeights.actualWeight(rollout, canary.isEmpty() ? null : canaryAvailable),
        imagesOf(replicaSets, stable, Map.of()), canary.isEmpty() ? Map.of() : imagesOf(replicaSets, canary,
            rollout.spec().images()), rollout.metadata().revision().orElse(null), stable, status.currentPodHash(),
        run, status.replicas(), status.abort(), rollout.metadata().generation(),
        RolloutPredicates.isGenerationObserved(rollout));
  }

  private static Map<String, String> imagesOf(List<ReplicaSetInfo> replicaSets, String hash,
      Map<String, String> fallback) {
    return replicaSets.stream().filter(rs -> hash.equals(rs.podTemplateHash())).findFirst()
        .map(ReplicaSetInfo::images).orElse(fallback);
  }

  public PhaseStatus phaseStatus() {
    return new PhaseStatus(phase, message);
  }
}
