package io.rolloutpilot.core.rollout;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A typed, read-only view of an Argo Rollout: the spec and status fields the engine decides on.
 * Built by {@link RolloutParser}, which ignores fields it does not know, so a
 * newer controller's additions never break us.
 */
public record Rollout(Metadata metadata, Spec spec, Status status) {

  public static Rollout from(GenericKubernetesResource resource) {
    return RolloutParser.parse(resource);
  }

  public RolloutRef ref() {
    return new RolloutRef(metadata.namespace(), metadata.name());
  }

  public record Metadata(String name, String namespace, String uid, long generation, String resourceVersion,
      Map<String, String> annotations) {
    public Metadata {
      annotations = Map.copyOf(annotations);
    }

    /** The revision the controller wrote into the Rollout's own {@code rollout.argoproj.io/revision}. */
    public Optional<Long> revision() {
      return Optional.ofNullable(annotations.get("rollout.argoproj.io/revision")).flatMap(Rollout::parseLong);
    }
  }

  /**
   * @param strategy {@code canary}, {@code blueGreen}, or empty when neither is set
   * @param workloadRef true when the pod template comes from a referenced workload
   */
  public record Spec(int replicas, boolean paused, String restartAt, String strategy, List<CanaryStep> steps,
      boolean trafficRouted, List<Container> containers, Map<String, String> selectorLabels,
      int progressDeadlineSeconds, boolean workloadRef) {
    public Spec {
      steps = List.copyOf(steps);
      containers = List.copyOf(containers);
      selectorLabels = Map.copyOf(selectorLabels);
    }

    public boolean isCanary() {
      return "canary".equals(strategy);
    }

    public Map<String, String> images() {
      java.util.LinkedHashMap<String, String> images = new java.util.LinkedHashMap<>();
      containers.forEach(c -> images.put(c.name(), c.image()));
      return images;
    }
  }

  /** A container of {@code spec.template}; {@code kind} is containers, initContainers or ephemeralContainers. */
  public record Container(String kind, String name, String image) {}

  public record Status(String phase, String message, boolean abort, String abortedAt,
      List<PauseCondition> pauseConditions, boolean controllerPause, String currentPodHash, String currentStepHash,
      Integer currentStepIndex, String stableRS, AnalysisRunStatus stepAnalysisRun,
      AnalysisRunStatus backgroundAnalysisRun, Integer canaryWeight, String observedGeneration,
      String workloadObservedGeneration, List<Condition> conditions, Replicas replicas, boolean promoteFull,
      String restartedAt) {
    public Status {
      pauseConditions = List.copyOf(pauseConditions);
      conditions = List.copyOf(conditions);
    }

    public Optional<Condition> condition(String type) {
      return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }
  }

  public record PauseCondition(String reason, String startTime) {}

  public record Condition(String type, String status, String reason, String message, String lastUpdateTime,
      String lastTransitionTime) {}

  /** Mirror of an AnalysisRun in {@code status.canary.current*AnalysisRunStatus}; status is "" right after creation. */
  public record AnalysisRunStatus(String name, String status, String message) {}

  /** Replica counts: desired from the spec, the rest from the status sums over the Rollout's ReplicaSets. */
  public record Replicas(int desired, int current, int updated, int ready, int available) {}

  static Optional<Long> parseLong(String text) {
    try {
      return Optional.of(Long.parseLong(text.trim()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
