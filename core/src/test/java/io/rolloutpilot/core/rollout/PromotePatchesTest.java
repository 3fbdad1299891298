package io.rolloutpilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bodies {@code kubectl argo rollouts promote} sends, for each state it distinguishes. */
class PromotePatchesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "inconclusive analysis pause | {\"currentStepIndex\":2,\"controllerPause\":true,\"pauseConditions\":"
          + "[{\"reason\":\"InconclusiveAnalysisRun\"}],\"canary\":{\"currentStepAnalysisRunStatus\":"
          + "{\"name\":\"g-h2-2-2\",\"status\":\"Inconclusive\"}}} |"
          + " {\"status\":{\"pauseConditions\":null,\"controllerPause\":false,\"currentStepIndex\":3}}",
      "canary pause step | {\"currentStepIndex\":1,\"controllerPause\":true,\"pauseConditions\":"
          + "[{\"reason\":\"CanaryPauseStep\"}]} | {\"status\":{\"pauseConditions\":null}}",
      "mid analysis: skip the step | {\"currentStepIndex\":2} |"
          + " {\"status\":{\"pauseConditions\":null,\"currentStepIndex\":3}}",
      "no index yet counts as 0 | {} | {\"status\":{\"pauseConditions\":null,\"currentStepIndex\":1}}",
      "never past the last step | {\"currentStepIndex\":5} |"
          + " {\"status\":{\"pauseConditions\":null,\"currentStepIndex\":5}}"})
  void bodyForState(String name, String status, String expected) {
    assertThat(PromotePatches.promote(Rollouts.canary("{}", status, 1))).isEqualTo(expected);
  }
}
