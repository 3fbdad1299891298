package io.rolloutpilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RolloutParserTest {
  @Test
  void readsTheFieldsItKnowsAndIgnoresTheRest() {
    Rollout rollout = Rollouts.parse("{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"Rollout\","
        + "\"metadata\":{\"name\":\"g\",\"namespace\":\"shop\",\"uid\":\"u1\",\"generation\":7,"
        + "\"resourceVersion\":\"42\",\"annotations\":{\"rollout.argoproj.io/revision\":\"3\"}},"
        + "\"spec\":{\"replicas\":4,\"futureField\":{\"x\":1},\"template\":{\"spec\":{\"initContainers\":"
        + "[{\"name\":\"init\",\"image\":\"busybox:1\"}],\"containers\":[{\"name\":\"app\",\"image\":\"g:2\"}]}},"
        + "\"strategy\":{\"canary\":{\"steps\":[{\"setWeight\":10},{\"pause\":{\"duration\":30}},"
        + "{\"pause\":{}},{\"analysis\":{\"templates\":[{\"templateName\":\"sr\"}]}},{\"experiment\":{}}]}}},"
        + "\"status\":{\"observedGeneration\":\"7\",\"currentStepIndex\":3,\"stableRS\":\"h1\","
        + "\"currentPodHash\":\"h2\",\"newStatusField\":true,\"canary\":{\"currentStepAnalysisRunStatus\":"
        + "{\"name\":\"g-h2-3-3\",\"status\":\"Running\"}},\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\","
        + "\"startTime\":\"2026-01-01T00:00:00Z\"}]}}");
    assertThat(rollout.metadata().revision()).contains(3L);
    assertThat(rollout.metadata().generation()).isEqualTo(7);
    assertThat(rollout.spec().replicas()).isEqualTo(4);
    assertThat(rollout.spec().containers()).extracting(Rollout.Container::name).containsExactly("init", "app");
    assertThat(rollout.spec().steps()).extracting(CanaryStep::describe)
        .containsExactly("setWeight: 10", "pause: 30", "pause", "analysis", "experiment");
    assertThat(rollout.spec().steps().get(3).analysisTemplates()).containsExactly("sr");
    assertThat(rollout.status().stepAnalysisRun()).isEqualTo(new Rollout.AnalysisRunStatus("g-h2-3-3", "Running", ""));
    assertThat(rollout.status().pauseConditions()).extracting(Rollout.PauseCondition::reason)
        .containsExactly("CanaryPauseStep");
  }

  @Test
  void aRolloutWithoutStatusIsProgressingNotHealthy() {
    Rollout fresh = Rollouts.parse("{\"metadata\":{\"name\":\"g\",\"namespace\":\"d\",\"generation\":1},"
        + "\"spec\":{\"replicas\":2,\"strategy\":{\"canary\":{}}}}");
    assertThat(RolloutPhases.clientPhase(fresh).watchLine())
        .isEqualTo("Progressing - more replicas need to be updated");
  }
}
