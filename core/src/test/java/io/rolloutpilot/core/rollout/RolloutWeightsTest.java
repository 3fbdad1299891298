package io.rolloutpilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutWeightsTest {
  @ParameterizedTest(name = "index {0}, abort {1} -> setWeight {2}")
  @CsvSource({
      "0, false, 20", // at the first setWeight
      "1, false, 20", // pause after setWeight 20
      "2, false, 20", // analysis step
      "3, false, 60",
      "4, false, 60",
      "5, false, 100", // past the last step
      "2, true, 0" // aborted
  })
  void setWeightIsTheLastSetWeightSoFar(int index, boolean abort, int expected) {
    Rollout rollout = Rollouts.canary("{}", "{\"currentStepIndex\":" + index + ",\"abort\":" + abort + "}", 1);
    assertThat(RolloutWeights.setWeight(rollout)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "basic canary: 1 of 5 pods | {} | {\"replicas\":5,\"updatedReplicas\":1,\"availableReplicas\":5,"
          + "\"stableRS\":\"h1\",\"currentPodHash\":\"h2\"} | 20",
      "basic canary scaling up: share of pods, not of the few available | {} | {\"replicas\":5,"
          + "\"updatedReplicas\":3,\"availableReplicas\":2,\"stableRS\":\"h1\",\"currentPodHash\":\"h2\"} | 60",
      "basic canary fully promoted | {} | {\"replicas\":5,\"updatedReplicas\":5,\"availableReplicas\":5,"
          + "\"stableRS\":\"h2\",\"currentPodHash\":\"h2\"} | 100",
      "traffic routed: the router's weight | {\"strategy\":{\"canary\":{\"trafficRouting\":{\"nginx\":{}}}}} |"
          + " {\"canary\":{\"weights\":{\"canary\":{\"weight\":35},\"stable\":{\"weight\":65}}}} | 35",
      "no pods available | {} | {\"stableRS\":\"h1\",\"currentPodHash\":\"h2\"} | 0"})
  void actualWeight(String name, String spec, String status, int expected) {
    assertThat(RolloutWeights.actualWeight(Rollouts.canary(spec, status, 1), null)).isEqualTo(expected);
  }
}
