package io.rolloutpilot.bench.analysis;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Time per judgement of 20 metrics x 2 groups x 600 samples, in a process of its own: after the quality
 * runs' hundred thousand judgements of 20-sample windows, the same JVM timed these about twice as slow
 * (its compiled code fitted to the small windows, its heap full of their garbage), which says nothing about
 * a judgement in the CLI. {@value #WARMUP} judgements first let the compiler settle; 30 did not.
 * Usage: {@code JudgeTimingBench [ignored] [ignored] [seeds as for AnalysisQualityBench; the first is used]}.
 */
public final class JudgeTimingBench {
  static final int METRICS = 20;
  static final int SAMPLES = 600;
  static final int WARMUP = 200;
  static final int REPETITIONS = 100;
  private final PrintStream out;

  JudgeTimingBench(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    new JudgeTimingBench(System.out).run(OurJudgeRule.standard(), BenchArguments.parse(args).seeds().get(0));
  }

  void run(OurJudgeRule ours, long seed) {
    timing(ours, seed, false, "in-window rho-hat");
    timing(ours, seed, true, "rho-hat from " + JudgeTiming.historySteps(SAMPLES)
        + " baseline history steps per metric, ranked once per analysis when fetched");
  }

  private void timing(OurJudgeRule ours, long seed, boolean withHistory, String rho) {
    JudgeTiming.Timings timings = new JudgeTiming(ours).measure(METRICS, SAMPLES, WARMUP, REPETITIONS, seed,
        withHistory);
    out.printf(Locale.ROOT, "time per judgement, %d metrics x 2 groups x %d samples (half ratio with count test,"
        + " half latency; rho correction on, %s), %d timed after %d warm-up in a fresh process: %s (goal: mean"
        + " <= 20 ms, %s); CPU time of the judging thread: %s%n", METRICS, SAMPLES, rho, REPETITIONS, WARMUP,
        JudgeTiming.Timings.describe(timings.wall()), timings.wallMean() <= 20 ? "met" : "NOT met",
        JudgeTiming.Timings.describe(timings.cpu()));
  }
}
