package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.BaselineHistory;
import io.rolloutpilot.core.analysis.judge.GroupSamples;
import io.rolloutpilot.core.analysis.judge.MetricData;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import io.rolloutpilot.core.analysis.stats.RhoEstimator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Wall time of one judgement of {@code metrics} metrics with {@code samples} samples per group, after warm-up,
 * and the judging thread's CPU time beside it: on a machine other processes are busy on, the wall time also
 * counts the time the thread waited for a core, the CPU time only the judgement's own work.
 */
final class JudgeTiming {
  private final OurJudgeRule judge;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  JudgeTiming(OurJudgeRule judge) {
    this.judge = judge;
  }

  static int historySteps(int samples) {
    return RhoEstimator.HISTORY_FACTOR * samples;
  }

  /** Milliseconds per judgement over the timed repetitions, each list sorted. */
  record Timings(double[] wall, double[] cpu) {
    /** For example "mean 16.50 ms, p50 16.40 ms, p95 16.90 ms, max 21.30 ms". */
    static String describe(double[] sorted) {
      double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
      return String.format(Locale.ROOT, "mean %.2f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms", mean,
          sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1]);
    }

    double wallMean() {
      return Arrays.stream(wall).average().orElse(Double.NaN);
    }
  }

  /**
   * Times judgements of the same data. With {@code withHistory} each metric also carries a baseline history
   * just long enough to be used, so its ranking is part of what is timed.
   */
  Timings measure(int metrics, int samples, int warmup, int repetitions, long seed, boolean withHistory) {
    List<MetricData> data = data(metrics, samples, seed, withHistory);
    long sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += judge.decide(data).size();
    }
    double[] wall = new double[repetitions];
    double[] cpu = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      sink += judge.decide(data).size();
      wall[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    }
    if (sink < 0) {
      throw new IllegalStateException("unreachable");
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new Timings(wall, cpu);
  }

  /** Half ratio metrics (with the count test), half latency, lag-1 autocorrelation 0.3. */
  private static List<MetricData> data(int metrics, int samples, long seed, boolean withHistory) {
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
    return data;
  }
}
