package io.rolloutpilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Argo's phase cases, each as a spec fragment, a status and the expected client line. */
class RolloutPhasesTest {
  private static final String HEALTHY_COUNTS =
      "\"replicas\":5,\"updatedReplicas\":5,\"readyReplicas\":5,\"availableReplicas\":5";

  static Stream<Arguments> clientCases() {
    return Stream.of(
        Arguments.of("healthy", "{}", "{" + HEALTHY_COUNTS + ",\"stableRS\":\"h2\",\"currentPodHash\":\"h2\","
            + "\"observedGeneration\":\"2\"}", 2, "Healthy"),
        Arguments.of("stored phase wins over the local calculation", "{}", "{\"phase\":\"Paused\","
            + "\"message\":\"CanaryPauseStep\",\"observedGeneration\":\"2\"}", 2, "Paused - CanaryPauseStep"),
        Arguments.of("generation not yet observed", "{}", "{\"phase\":\"Healthy\",\"observedGeneration\":\"1\"}", 2,
            "Progressing - waiting for rollout spec update to be observed"),
        Arguments.of("observed generation above the generation counts as observed", "{}",
            "{\"phase\":\"Healthy\",\"observedGeneration\":\"3\"}", 2, "Healthy"),
        Arguments.of("non-numeric observed generation (pre-1.0 hash) counts as observed", "{}",
            "{\"phase\":\"Healthy\",\"observedGeneration\":\"7d8f9c\"}", 2, "Healthy"),
        Arguments.of("user promoted, controller has not reacted", "{}", "{\"phase\":\"Paused\",\"message\":"
            + "\"CanaryPauseStep\",\"controllerPause\":true,\"observedGeneration\":\"2\"}", 2,
            "Progressing - waiting for rollout to unpause"),
        Arguments.of("controller pause with a condition stays paused", "{}", "{\"phase\":\"Paused\",\"message\":"
            + "\"CanaryPauseStep\",\"controllerPause\":true,\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\","
            + "\"startTime\":\"2026-01-01T00:00:00Z\"}],\"observedGeneration\":\"2\"}", 2, "Paused - CanaryPauseStep"),
        Arguments.of("aborted", "{}", "{\"phase\":\"Degraded\",\"message\":\"RolloutAborted: Rollout aborted update"
            + " to revision 2\",\"abort\":true,\"observedGeneration\":\"2\"}", 2,
            "Degraded - RolloutAborted: Rollout aborted update to revision 2"),
        Arguments.of("no stored phase: computed from conditions", "{}", "{\"conditions\":[{\"type\":\"Progressing\","
            + "\"status\":\"False\",\"reason\":\"ProgressDeadlineExceeded\",\"message\":\"ReplicaSet \\\"g-h2\\\" has"
            + " timed out progressing.\"}],\"observedGeneration\":\"2\"}", 2,
            "Degraded - ProgressDeadlineExceeded: ReplicaSet \"g-h2\" has timed out progressing."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clientCases")
  void clientPhase(String name, String spec, String status, long generation, String expected) {
    assertThat(RolloutPhases.clientPhase(Rollouts.canary(spec, status, generation)).watchLine()).isEqualTo(expected);
  }

  static Stream<Arguments> controllerCases() {
    String pause = "\"pauseConditions\":[{\"reason\":\"InconclusiveAnalysisRun\",\"startTime\":\"t\"}]";
    return Stream.of(
        Arguments.of("invalid spec first", "{}", "{\"conditions\":[{\"type\":\"InvalidSpec\",\"status\":\"True\","
            + "\"reason\":\"InvalidSpec\",\"message\":\"SetWeight needs to be between 0 and 100\"}]}",
            "Degraded - InvalidSpec: SetWeight needs to be between 0 and 100"),
        Arguments.of("aborted condition", "{}", "{\"conditions\":[{\"type\":\"Available\",\"status\":\"True\","
            + "\"reason\":\"AvailableReason\"},{\"type\":\"Progressing\",\"status\":\"False\",\"reason\":"
            + "\"RolloutAborted\",\"message\":\"Rollout aborted update to revision 2\"}]}",
            "Degraded - RolloutAborted: Rollout aborted update to revision 2"),
        Arguments.of("manual pause before pause conditions", "{\"paused\":true}", "{" + pause + "}",
            "Paused - manually paused"),
        Arguments.of("inconclusive analysis pause", "{}", "{" + pause + "}", "Paused - InconclusiveAnalysisRun"),
        Arguments.of("restarting", "{\"restartAt\":\"2026-01-01T00:00:00Z\"}", "{" + HEALTHY_COUNTS + "}",
            "Progressing - rollout is restarting"),
        Arguments.of("more replicas to update", "{}", "{\"replicas\":5,\"updatedReplicas\":1,\"availableReplicas\":5}",
            "Progressing - more replicas need to be updated"),
        Arguments.of("updated not yet available", "{}", "{\"replicas\":5,\"updatedReplicas\":5,"
            + "\"availableReplicas\":4}", "Progressing - updated replicas are still becoming available"),
        Arguments.of("old replicas still running", "{}", "{\"replicas\":6,\"updatedReplicas\":5,"
            + "\"availableReplicas\":6}", "Progressing - old replicas are pending termination"),
        Arguments.of("steps not complete", "{}", "{" + HEALTHY_COUNTS + ",\"stableRS\":\"h1\","
            + "\"currentPodHash\":\"h2\"}", "Progressing - waiting for all steps to complete"),
        Arguments.of("traffic-routed canary ignores surplus old replicas", "{\"strategy\":{\"canary\":"
            + "{\"trafficRouting\":{\"nginx\":{\"stableIngress\":\"g\"}}}}}", "{\"replicas\":7,\"updatedReplicas\":5,"
            + "\"availableReplicas\":7,\"stableRS\":\"h2\",\"currentPodHash\":\"h2\"}", "Healthy"),
        Arguments.of("fully promoted", "{}", "{" + HEALTHY_COUNTS + ",\"stableRS\":\"h2\",\"currentPodHash\":\"h2\"}",
            "Healthy"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controllerCases")
  void controllerPhase(String name, String spec, String status, String expected) {
    assertThat(RolloutPhases.controllerPhase(Rollouts.canary(spec, status, 1)).watchLine()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clientCases")
  void summaryLineShowsHealthyAndDegradedAlone(String name, String spec, String status, long generation,
      String expected) {
    PhaseStatus phase = RolloutPhases.clientPhase(Rollouts.canary(spec, status, generation));
    boolean alone = phase.phase() == RolloutPhase.Healthy || phase.phase() == RolloutPhase.Degraded;
    assertThat(phase.summaryLine()).isEqualTo(alone ? phase.phase().name() : expected);
  }

  static Stream<Arguments> followCases() {
    String aborted = "\"conditions\":[{\"type\":\"Progressing\",\"status\":\"False\",\"reason\":\"RolloutAborted\","
        + "\"message\":\"Rollout aborted update to revision 2\"}],\"phase\":\"Degraded\",\"message\":"
        + "\"RolloutAborted: Rollout aborted update to revision 2\",\"observedGeneration\":\"2\"";
    String paused = "\"phase\":\"Paused\",\"message\":\"CanaryPauseStep\",\"controllerPause\":true,"
        + "\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\"}],\"stableRS\":\"h1\",\"currentPodHash\":\"h2\","
        + "\"observedGeneration\":\"2\"";
    return Stream.of(
        Arguments.of("abort requested, not yet acted on", "{" + paused + ",\"abort\":true}",
            "Progressing - waiting for the controller to abort"),
        Arguments.of("abort acted on", "{" + aborted + ",\"abort\":true,\"abortedAt\":\"2026-01-01T00:00:00Z\"}",
            "Degraded - RolloutAborted: Rollout aborted update to revision 2"),
        Arguments.of("retry requested, not yet acted on", "{" + aborted + ",\"abort\":false}",
            "Progressing - waiting for the controller to retry"),
        Arguments.of("promote --full requested at a pause", "{" + paused + ",\"promoteFull\":true}",
            "Progressing - waiting for the controller to promote fully"),
        Arguments.of("plain pause is left alone", "{" + paused + "}", "Paused - CanaryPauseStep"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("followCases")
  void followPhase(String name, String status, String expected) {
    assertThat(RolloutPhases.followPhase(Rollouts.canary("{}", status, 2)).watchLine()).isEqualTo(expected);
  }
}
