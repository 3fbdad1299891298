package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.judge.Aggregator;
import io.rolloutpilot.core.analysis.judge.DecisionSettings;
import io.rolloutpilot.core.analysis.judge.MetricDecider;
import io.rolloutpilot.core.analysis.stats.MannWhitneyTest;
import io.rolloutpilot.core.analysis.stats.TwoSampleComparator;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The judge's error rates on seeded synthetic canaries, beside a Flagger-style threshold rule and Kayenta's
 * classification, and the time per judgement. Everything printed is measured in this run.
 * Usage: {@code AnalysisQualityBench [A/A runs=2000] [A/B runs=1000] [seed=20260101]}.
 */
public final class AnalysisQualityBench {
  private static final double ALPHA = 0.01;
  /**
   * Baseline steps before each window: window.rhoHistory 1h at the 30 s step, 6x the 20-step window. The
   * 3x minimum (60 steps, sd of rho-hat about 0.11) still left A/A at phi 0.5 at 1.05 % false FAILED;
   * 120 steps bring rho-hat's sd to about 0.08 and the rate under 1 %.
   */
  private static final int HISTORY_STEPS = 120;
  private final PrintStream out;

  AnalysisQualityBench(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    int aa = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int ab = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20260101L;
    new AnalysisQualityBench(System.out).run(aa, ab, seed);
  }

  void run(int aaRuns, int abRuns, long seed) {
    OurJudgeRule ours = new OurJudgeRule(new MetricDecider(new TwoSampleComparator(new MannWhitneyTest())),
        new Aggregator(), new DecisionSettings(ALPHA, true, false), HISTORY_STEPS);
    List<CanaryRule> rules = List.of(ours, new ThresholdRule(0.01, 0.275, 5), new KayentaRule());
    out.println("metrics judged per run: " + BenchMetrics.describe());
    rules.forEach(r -> out.printf(Locale.ROOT, "rule %-26s %s%n", r.name() + ":", r.parameters()));
    ErrorRates rates = new ErrorRates(rules, HISTORY_STEPS);
    Scenario aa = new Scenario("A/A", 20, 30, 100, 0.002, 0.002, 0.25, 0.05, 0.0);
    Scenario aaCorrelated = new Scenario("A/A, phi 0.5", 20, 30, 100, 0.002, 0.002, 0.25, 0.05, 0.5);
    Scenario ab = new Scenario("A/B 5x errors", 20, 30, 100, 0.002, 0.010, 0.25, 0.05, 0.0);
    Scenario abCorrelated = new Scenario("A/B 5x errors, phi 0.5", 20, 30, 100, 0.002, 0.010, 0.25, 0.05, 0.5);
    out.println();
    out.printf(Locale.ROOT, "%-24s %6s  %-22s %-27s %-24s %s%n", "scenario", "runs", rules.get(0).name(),
        rules.get(1).name(), rules.get(2).name(), "goal (ours)");
    row(rates, ours, aa, aaRuns, seed, "false FAILED <= 1%");
    row(rates, ours, aaCorrelated, aaRuns, seed + 1, "false FAILED <= 1%");
    row(rates, ours, ab, abRuns, seed + 2, "detected >= 95%");
    row(rates, ours, abCorrelated, abRuns, seed + 3, "detected >= 95% (extra)");
    out.println();
    timing(ours, seed + 4);
  }

  private void row(ErrorRates rates, OurJudgeRule ours, Scenario scenario, int runs, long seed, String goal) {
    FailureBreakdown breakdown = new FailureBreakdown(ALPHA);
    int[] failed = rates.failures(scenario, runs, seed, metrics -> ours.record(metrics, breakdown));
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s %6d ", scenario.name(), runs));
    int[] widths = {22, 27, 24};
    for (int r = 0; r < failed.length; r++) {
      String cell = String.format(Locale.ROOT, "%.2f%% FAILED", 100.0 * failed[r] / runs);
      line.append(' ').append(String.format(Locale.ROOT, "%-" + widths[r] + "s", cell));
    }
    out.println(line.append(' ').append(goal));
    out.println("    " + scenario.parameters() + "; seed " + seed);
    breakdown.lines().forEach(out::println);
  }

  private void timing(OurJudgeRule ours, long seed) {
    timing(ours, seed, false, "in-window rho-hat");
    timing(ours, seed, true, "rho-hat from " + JudgeTiming.historySteps(600)
        + " baseline history steps per metric, ranked once per analysis when fetched");
  }

  private void timing(OurJudgeRule ours, long seed, boolean withHistory, String rho) {
    int metrics = 20;
    int samples = 600;
    double[] ms = new JudgeTiming(ours).measure(metrics, samples, 30, 100, seed, withHistory);
    double mean = java.util.Arrays.stream(ms).average().orElse(Double.NaN);
    out.printf(Locale.ROOT, "time per judgement, %d metrics x 2 groups x %d samples (half ratio with count test,"
        + " half latency; rho correction on, %s), 100 timed after 30 warm-up:"
        + " mean %.2f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms (goal <= 20 ms)%n", metrics, samples, rho,
        mean, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1]);
  }
}
