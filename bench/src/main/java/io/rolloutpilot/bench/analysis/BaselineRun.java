package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.BaselineHistory;
import io.rolloutpilot.core.analysis.judge.MetricData;
import java.util.List;
import java.util.Random;

/**
 * One synthetic run's data for both metrics: canary and baseline windows from the run's main random stream,
 * drawn in the same order as before history existed, plus the baseline's history of {@code historySteps}
 * steps before the window from a separate stream — the same AR(1) process continued backwards from the
 * baseline's first drift value, as the stable version would have been serving before the canary started.
 */
final class BaselineRun {
  private final SyntheticSeries window;
  private final SyntheticSeries history;
  private final int historySteps;

  BaselineRun(Random windowRandom, Random historyRandom, int historySteps) {
    this.window = new SyntheticSeries(windowRandom);
    this.history = new SyntheticSeries(historyRandom);
    this.historySteps = historySteps;
  }

  List<MetricData> draw(Scenario s) {
    double[] canaryErrors = window.ar1(s.steps(), s.phi());
    var canaryRatio = window.errorRatio(s, s.canaryErrorRatio(), canaryErrors);
    double[] baselineErrors = window.ar1(s.steps(), s.phi());
    var baselineRatio = window.errorRatio(s, s.baselineErrorRatio(), baselineErrors);
    var canaryLatency = window.latency(s, window.ar1(s.steps(), s.phi()));
    double[] baselineLatencyDrift = window.ar1(s.steps(), s.phi());
    var baselineLatency = window.latency(s, baselineLatencyDrift);
    return List.of(
        BenchMetrics.data(BenchMetrics.ERRORS, canaryRatio, baselineRatio)
            .withBaselineHistory(errorHistory(s, baselineErrors[0])),
        BenchMetrics.data(BenchMetrics.LATENCY, canaryLatency, baselineLatency)
            .withBaselineHistory(latencyHistory(s, baselineLatencyDrift[0])));
  }

  private BaselineHistory errorHistory(Scenario s, double firstDrift) {
    if (historySteps == 0) {
      return BaselineHistory.OFF;
    }
    Scenario before = s.withSteps(historySteps);
    double[] drift = history.ar1Before(historySteps, s.phi(), firstDrift);
    return BaselineHistory.of(dropNaN(history.errorRatio(before, s.baselineErrorRatio(), drift).values()));
  }

  private BaselineHistory latencyHistory(Scenario s, double firstDrift) {
    if (historySteps == 0) {
      return BaselineHistory.OFF;
    }
    Scenario before = s.withSteps(historySteps);
    return BaselineHistory.of(history.latency(before, history.ar1Before(historySteps, s.phi(), firstDrift)).values());
  }

  /** As the nan: drop policy of the bench's error-ratio metric does for a step with no requests. */
  private static double[] dropNaN(double[] values) {
    return java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
  }
}
