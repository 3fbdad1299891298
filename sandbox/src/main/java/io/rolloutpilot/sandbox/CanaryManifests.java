package io.rolloutpilot.sandbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Manifests for sandbox tests, benchmarks and the demo: one place that knows the shape of a canary
 * Rollout and of an AnalysisTemplate whose outcome the simulator decides.
 */
public final class CanaryManifests {
  private CanaryManifests() {}

  /**
   * A canary Rollout selecting {@code app: <name>}.
   *
   * @param containers container name to image, in order
   * @param steps the steps as YAML list items ({@code "setWeight: 20"}, {@code "pause: {}"}, flow-style
   *     for anything nested)
   */
  public static String rollout(String name, String namespace, int replicas, Map<String, String> containers,
      String... steps) {
    String containerList = containers.entrySet().stream()
        .map(c -> "{name: " + c.getKey() + ", image: \"" + c.getValue() + "\"}")
        .collect(Collectors.joining(", ", "[", "]"));
    String stepList = Arrays.stream(steps).map(s -> "        - " + s).collect(Collectors.joining("\n"));
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          replicas: %3$d
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              containers: %4$s
          strategy:
            canary:
              steps:
        %5$s
        """.formatted(name, namespace, replicas, containerList, stepList.isEmpty() ? "        []" : stepList)
        .replace("      steps:\n        []", "      steps: []");
  }

  /** A Rollout with the single container {@code app}. */
  public static String rollout(String name, String namespace, int replicas, String image, String... steps) {
    Map<String, String> containers = new LinkedHashMap<>();
    containers.put("app", image);
    return rollout(name, namespace, replicas, containers, steps);
  }

  /**
   * An AnalysisTemplate with one Prometheus metric; the sandbox never queries it, its controller
   * simulator settles the runs by the outcome policy a test installs.
   */
  public static String analysisTemplate(String name, String namespace) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          metrics:
            - name: success-rate
              successCondition: result[0] >= 0.95
              provider: {prometheus: {address: "http://prometheus:9090", query: "vector(1)"}}
        """.formatted(name, namespace);
  }
}
