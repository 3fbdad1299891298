package io.rolloutpilot.sandbox.sim;

import java.util.Map;

/**
 * What an outcome policy may look at when choosing a run's result.
 *
 * @param type Step or Background (the {@code rollout-type} label)
 * @param stepIndex the {@code step-index} label, null for background runs
 * @param canaryImages container name to image of the pod template the run judges
 */
public record AnalysisRunInfo(String namespace, String name, String rolloutName, String type, Integer stepIndex,
    String podTemplateHash, Map<String, String> labels, Map<String, String> canaryImages) {
  public AnalysisRunInfo {
    labels = Map.copyOf(labels);
    canaryImages = Map.copyOf(canaryImages);
  }
}
