package io.rolloutpilot.core.analysis.argo;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisResult;
import io.rolloutpilot.core.analysis.argo.ArgoMeasurement;
import io.rolloutpilot.core.analysis.argo.ArgoMetricReport;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.sandbox.faults.FaultInjector;
import io.rolloutpilot.sandbox.sim.AnalysisOutcome;
import io.rolloutpilot.sandbox.sim.AnalysisOutcomePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.rolloutpilot.core.event.MeasurementTaken;

/** Mode A on the sandbox: each way an AnalysisRun can end, and what the Rollout does about it. */
class ArgoAnalysisFollowerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String FAILED = "Metric \"success-rate\" assessed Failed due to failed (1) > failureLimit (0)";
  private final ArgoFixture fx = new ArgoFixture();

  @AfterEach
  void close() throws Exception {
    fx.close();
  }

  private static AnalysisOutcome.MetricResult metric(String phase, String... measurementPhases) {
    List<AnalysisOutcome.Measurement> measurements = new ArrayList<>();
    for (String p : measurementPhases) {
      measurements.add(new AnalysisOutcome.Measurement(p, "Successful".equals(p) ? "[0.99]" : "[0.5]", null));
    }
    return new AnalysisOutcome.MetricResult("success-rate", phase, null, measurements);
  }

  private void policy(AnalysisOutcome outcome) {
    fx.sandbox.controller().setAnalysisOutcomePolicy(AnalysisOutcomePolicy.always(outcome.after(Duration.ofMillis(300))));
  }

  @Test
  void aSuccessfulRunPassesWithEveryMeasurementAndTheRolloutGoesOn() throws Exception {
    policy(AnalysisOutcome.successful().withMetricResults(List.of(
        metric("Successful", "Successful", "Successful", "Successful"))));
    RolloutRef ref = fx.healthyRollout("good");
    fx.deploy(ref, "2");

    ArgoAnalysisResult result = fx.follow(ref, TIMEOUT);

    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    assertThat(result.run().type()).isEqualTo("Step");
    assertThat(result.run().name()).startsWith("good-");
    ArgoMetricReport metric = result.metrics().get(0);
    assertThat(metric.phase()).isEqualTo("Successful");
    assertThat(metric.count()).isEqualTo(3);
    assertThat(metric.expectedCount()).isEqualTo(3);
    assertThat(metric.measurements()).hasSize(3).extracting(ArgoMeasurement::value).containsOnly("[0.99]");
    assertThat(metric.limits()).isEqualTo("failed 0/0 allowed, inconclusive 0/0 allowed, consecutive errors 0/4 allowed");
    assertThat(result.warnings()).anyMatch(w -> w.contains("result[0] without len(result) > 0"));
    assertThat(fx.measurementsReported("[0.99]")).isPositive();
    fx.awaitRollout(ref, r -> "Healthy".equals(r.status().phase()) && r.status().stableRS().equals(r.status().currentPodHash()));
  }

  @Test
  void aFailedRunFailsAndTheRolloutAborts() throws Exception {
    policy(AnalysisOutcome.failed(FAILED).withMetricResults(List.of(metric("Failed", "Failed"))));
    RolloutRef ref = fx.healthyRollout("bad");
    fx.deploy(ref, "2");

    ArgoAnalysisResult result = fx.follow(ref, TIMEOUT);

    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.reason()).contains("Failed: " + FAILED).contains("aborts the rollout");
    assertThat(result.metrics().get(0).reason()).startsWith("failed (1) > failureLimit (0)");
    Rollout aborted = fx.awaitRollout(ref, r -> r.status().abort() && "Degraded".equals(r.status().phase()));
    assertThat(aborted.status().message()).contains("Step-based analysis phase error/failed: " + FAILED);
  }

  @Test
  void anInconclusiveRunIsInconclusiveAndTheRolloutPauses() throws Exception {
    policy(AnalysisOutcome.inconclusive("Metric \"success-rate\" assessed Inconclusive due to inconclusive (1) >"
        + " inconclusiveLimit (0)").withMetricResults(List.of(metric("Inconclusive", "Successful", "Inconclusive"))));
    RolloutRef ref = fx.healthyRollout("unsure");
    fx.deploy(ref, "2");

    ArgoAnalysisResult result = fx.follow(ref, TIMEOUT);

    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.reason()).contains("InconclusiveAnalysisRun").contains("promote or abort");
    assertThat(result.metrics().get(0).inconclusive()).isEqualTo(1);
    Rollout paused = fx.awaitRollout(ref, r -> "Paused".equals(r.status().phase()));
    assertThat(paused.status().pauseConditions()).extracting(Rollout.PauseCondition::reason)
        .contains("InconclusiveAnalysisRun");
    assertThat(paused.status().abort()).isFalse();
  }

  @Test
  void anErroredRunIsAnErrorAndTheRolloutAborts() throws Exception {
    policy(AnalysisOutcome.error("Metric \"success-rate\" assessed Error due to consecutiveErrors (5) >"
        + " consecutiveErrorLimit (4)"));
    RolloutRef ref = fx.healthyRollout("broken");
    fx.deploy(ref, "2");

    ArgoAnalysisResult result = fx.follow(ref, TIMEOUT);

    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.reason()).contains("consecutiveErrorLimit (4)");
    fx.awaitRollout(ref, r -> r.status().abort());
  }

  @Test
  void aRunTerminatedBeforeItMeasuredAnythingIsInconclusiveNotAPass() throws Exception {
    fx.sandbox.controller().setAnalysisOutcomePolicy(AnalysisOutcomePolicy.manual());
    RolloutRef ref = fx.healthyRollout("cut");
    fx.deploy(ref, "2");
    CompletableFuture<ArgoAnalysisResult> following = fx.followInBackground(ref, TIMEOUT);
    String run = fx.runName();
    fx.awaitRunning();

    fx.patchRun(run, "{\"spec\":{\"terminate\":true}}");
    ArgoAnalysisResult result = following.get(20, TimeUnit.SECONDS);

    assertThat(result.run().phase()).isEqualTo("Successful");
    assertThat(result.run().message()).isEqualTo("Run Terminated");
    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.reason()).contains("not (fully) evaluated: success-rate was never measured");
    assertThat(result.metrics().get(0).evaluated()).isFalse();
    // Argo itself treats the terminated run as a pass and moves on.
    fx.awaitRollout(ref, r -> "Healthy".equals(r.status().phase()) && r.status().stableRS().equals(r.status().currentPodHash()));
  }

  @Test
  void aRunDeletedMidFollowIsAnError() throws Exception {
    fx.sandbox.controller().setAnalysisOutcomePolicy(AnalysisOutcomePolicy.manual());
    RolloutRef ref = fx.healthyRollout("gone");
    fx.deploy(ref, "2");
    CompletableFuture<ArgoAnalysisResult> following = fx.followInBackground(ref, TIMEOUT);
    String run = fx.runName();
    fx.awaitRunning();

    fx.deleteRun(run);
    ArgoAnalysisResult result = following.get(20, TimeUnit.SECONDS);

    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.reason()).isEqualTo("AnalysisRun " + run + " was deleted before it ended (last phase: Running)");
  }

  @Test
  void ourOwnTimeoutIsTimedOutAndLeavesTheRolloutAlone() throws Exception {
    fx.sandbox.controller().setAnalysisOutcomePolicy(AnalysisOutcomePolicy.manual());
    RolloutRef ref = fx.healthyRollout("slow");
    fx.deploy(ref, "2");

    ArgoAnalysisResult result = fx.follow(ref, Duration.ofSeconds(2));

    assertThat(result.verdict()).isEqualTo(Verdict.TIMED_OUT);
    assertThat(result.reason()).contains("no verdict within 2s").contains("is still Running");
    assertThat(fx.engine.rollouts().get(ref).status().abort()).isFalse();
  }

  @Test
  void everyMeasurementIsKeptWhenArgoKeepsOnlyTheLastTenAndWatchesAreDropped() throws Exception {
    fx.sandbox.controller().setAnalysisOutcomePolicy(AnalysisOutcomePolicy.manual());
    RolloutRef ref = fx.healthyRollout("many");
    fx.deploy(ref, "2");
    CompletableFuture<ArgoAnalysisResult> following = fx.followInBackground(ref, TIMEOUT);
    String run = fx.runName();
    fx.awaitRunning();
    long gets = fx.sandbox.faults().requestCount("GET", ".*analysisruns/" + run);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    List<String> all = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      all.add("{\"phase\":\"Successful\",\"value\":\"[0." + (900 + i) + "]\",\"startedAt\":\"" + t0.plusSeconds(i)
          + "\",\"finishedAt\":\"" + t0.plusSeconds(i) + "\"}");
      List<String> kept = all.subList(Math.max(0, all.size() - 10), all.size());
      fx.patchRun(run, "{\"status\":{\"metricResults\":[{\"name\":\"success-rate\",\"phase\":\"Running\",\"count\":" + i
          + ",\"successful\":" + i + ",\"measurements\":[" + String.join(",", kept) + "]}]}}");
      String value = "[0." + (900 + i) + "]";
      fx.awaitEvent(MeasurementTaken.class, m -> m.value().equals(value));
      if (i == 12) {
        fx.sandbox.faults().expireNextWatches(1, "analysisruns", FaultInjector.GoneMode.ERROR_EVENT);
        fx.sandbox.faults().dropWatches();
      }
    }
    fx.patchRun(run, "{\"status\":{\"phase\":\"Successful\",\"runSummary\":{\"count\":1,\"successful\":1}}}");
    ArgoAnalysisResult result = following.get(20, TimeUnit.SECONDS);

    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    List<String> values = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      values.add("[0." + (900 + i) + "]");
    }
    assertThat(result.metrics().get(0).measurements()).extracting(ArgoMeasurement::value).containsExactlyElementsOf(values);
    assertThat(result.measurementsKept()).isEqualTo(25);
    assertThat(result.measurementsTaken()).isEqualTo(25);
    assertThat(fx.measurementsReported("[0.913]")).isEqualTo(1);
    // followed by watch events (re-watched after the drop), never by polling: the only reads of the run
    // are the ones fabric8 makes for this test's own patches
    long patches = fx.sandbox.faults().requestCount("PATCH", ".*analysisruns/" + run);
    assertThat(fx.sandbox.faults().requestCount("GET", ".*analysisruns/" + run) - gets).isEqualTo(patches);
    assertThat(fx.sandbox.faults().requestCount("WATCH", ".*analysisruns")).isGreaterThanOrEqualTo(2);
  }
}
