package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.BaselineHistory;
import io.rolloutpilot.core.analysis.judge.GroupSamples;
import io.rolloutpilot.core.analysis.judge.MetricData;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import io.rolloutpilot.core.analysis.stats.RhoEstimator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Wall time of one judgement of {@code metrics} metrics with {@code samples} samples per group, after warm-up. */
final class JudgeTiming {
  private final OurJudgeRule judge;

  JudgeTiming(OurJudgeRule judge) {
    this.judge = judge;
  }

  static int historySteps(int samples) {
    return RhoEstimator.HISTORY_FACTOR * samples;
  }

  /**
   * Milliseconds per judgement for each timed repetition, sorted. With {@code withHistory} each metric
   * also carries a baseline history just long enough to be used, so its ranking is part of what is timed.
   */
  double[] measure(int metrics, int samples, int warmup, int repetitions, long seed, boolean withHistory) {
    SyntheticSeries series = new SyntheticSeries(new Random(seed));
    SyntheticSeries before = new SyntheticSeries(new Random(~seed));
    Scenario shape = Scenario.aa("timing").withSteps(samples).withPhi(0.3);
    Scenario past = shape.withSteps(historySteps(samples));
    List<MetricData> data = new ArrayList<>();
    for (int i = 0; i < metrics; i++) {
      boolean ratio = i % 2 == 0;
      MetricSpec spec = ratio ? BenchMetrics.ERRORS : BenchMetrics.LATENCY;
      MetricData window = ratio
          ? BenchMetrics.data(spec, series.errorRatio(shape, 0.002), series.errorRatio(shape, 0.002))
          : BenchMetrics.data(spec, series.latency(shape), series.latency(shape));
      GroupSamples history = ratio ? before.errorRatio(past, 0.002) : before.latency(past);
      data.add(withHistory ? window.withBaselineHistory(BaselineHistory.of(history)) : window);
    }
    long sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += judge.decide(data).size();
    }
    double[] millis = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      sink += judge.decide(data).size();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    if (sink < 0) {
      throw new IllegalStateException("unreachable");
    }
    Arrays.sort(millis);
    return millis;
  }
}
