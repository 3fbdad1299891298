package io.rolloutpilot.core.rollout;

/**
 * One entry of {@code spec.strategy.canary.steps}. {@code kind} is the step's field name
 * ({@code setWeight}, {@code pause}, {@code analysis}, …); the other fields are set only for
 * the kinds that carry them.
 *
 * @param setWeight the weight of a setWeight step
 * @param pauseDuration the raw duration of a timed pause (seconds as digits, or "30s"); null when
 *     the pause is indefinite or the step is not a pause
 * @param analysisTemplates template names of an analysis step
 */
public record CanaryStep(String kind, Integer setWeight, String pauseDuration, java.util.List<String> analysisTemplates) {
  public CanaryStep {
    analysisTemplates = analysisTemplates == null ? java.util.List.of() : java.util.List.copyOf(analysisTemplates);
  }

  public boolean isPause() {
    return "pause".equals(kind);
  }

  public boolean isAnalysis() {
    return "analysis".equals(kind);
  }

  /** The step as Argo names it in its step-completed events: {@code setWeight: 20}, {@code pause: 30s}. */
  public String describe() {
    if (setWeight != null) {
      return "setWeight: " + setWeight;
    }
    if (isPause()) {
      return pauseDuration == null ? "pause" : "pause: " + pauseDuration;
    }
    return kind;
  }
}
