package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.BaselineHistory;
import io.rolloutpilot.core.analysis.judge.GroupSamples;
import io.rolloutpilot.core.analysis.judge.MetricData;
import io.rolloutpilot.core.analysis.judge.StepCounts;
import java.util.Arrays;
import java.util.List;

/**
 * One synthetic run's data for both metrics. The canary is drawn over the window only. The baseline is
 * drawn as one series through {@code historySteps} steps before the window and the window itself, then
 * split: the history is what the stable version served before the canary started, the same process by
 * construction whatever it is (AR(1), gamma bursts, latency bursts). Bursts shared by both groups are one
 * series too, so they hit the canary and the baseline at the same steps.
 */
final class RunDraw {
  private final SyntheticSeries series;
  private final int historySteps;

  RunDraw(SyntheticSeries series, int historySteps) {
    this.series = series;
    this.historySteps = historySteps;
  }

  List<MetricData> draw(Scenario s) {
    int window = s.steps();
    int all = historySteps + window;
    Scenario whole = s.withSteps(all);
    StepCounts canaryErrors = series.errorCounts(s, s.canaryErrorRatio(), series.ar1(window, s.phi()));
    StepCounts baselineErrors = series.errorCounts(whole, s.baselineErrorRatio(), series.ar1(all, s.phi()));
    LatencyBursts bursts = s.bursts();
    double[] shared = series.bursts(bursts, bursts.sharedStart(), all);
    double[] canaryLatency = series.latency(s, series.ar1(window, s.phi()),
        times(Arrays.copyOfRange(shared, historySteps, all), series.bursts(bursts, bursts.ownStart(), window)));
    double[] baselineLatency = series.latency(whole, series.ar1(all, s.phi()),
        times(shared, series.bursts(bursts, bursts.ownStart(), all)));
    MetricData errors = BenchMetrics.data(BenchMetrics.ERRORS, SampleSlices.ratio(canaryErrors, 0, window),
        SampleSlices.ratio(baselineErrors, historySteps, all));
    MetricData latency = BenchMetrics.data(BenchMetrics.LATENCY, SampleSlices.plain(canaryLatency, 0, window),
        SampleSlices.plain(baselineLatency, historySteps, all));
    if (historySteps == 0) {
      return List.of(errors, latency);
    }
    return List.of(errors.withBaselineHistory(history(SampleSlices.ratio(baselineErrors, 0, historySteps))),
        latency.withBaselineHistory(history(SampleSlices.plain(baselineLatency, 0, historySteps))));
  }

  /** As the judge gets it: the values, and for the ratio its per-step counts. */
  private static BaselineHistory history(GroupSamples before) {
    return BaselineHistory.of(before);
  }

  private static double[] times(double[] a, double[] b) {
    double[] product = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      product[i] = a[i] * b[i];
    }
    return product;
  }
}
