package io.rolloutpilot.bench.analysis;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The judge's error rates on seeded synthetic canaries, beside a Flagger-style threshold rule and Kayenta's
 * classification, each with its 95 % interval over runs spread across several seeds. Everything printed is
 * measured in this run; the time per judgement is {@link JudgeTimingBench}'s, in a process of its own.
 * Usage: {@code AnalysisQualityBench [A/A runs=25000] [A/B runs=5000] [seeds=20260101 (and the next 4) | a,b,c]}.
 */
public final class AnalysisQualityBench {
  /**
   * Var/mean of the baseline's per-step error counts in the overdispersed scenarios: errors in bursts, the
   * per-step count's sd (about 7.7) above its mean (6), so that the window totals vary about three times as
   * much as Poisson counts would.
   */
  private static final double ERROR_DISPERSION = 10;
  private static final LatencyBursts BURSTS = new LatencyBursts(0.03, 0.03, 3, 1.5, 3);
  private final PrintStream out;

  AnalysisQualityBench(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    new AnalysisQualityBench(System.out).run(BenchArguments.parse(args));
  }

  void run(BenchArguments arguments) {
    OurJudgeRule ours = OurJudgeRule.standard();
    List<CanaryRule> others = List.of(new ThresholdRule(0.01, 0.275, 5), new KayentaRule());
    List<CanaryRule> rules = List.of(ours, others.get(0), others.get(1));
    out.println("metrics judged per run: " + BenchMetrics.describe());
    rules.forEach(r -> out.printf(Locale.ROOT, "rule %-26s %s%n", r.name() + ":", r.parameters()));
    List<BenchCase> cases = cases(arguments);
    int threads = Runtime.getRuntime().availableProcessors();
    long start = System.nanoTime();
    ScenarioRuns runs = new ScenarioRuns(ours, others, OurJudgeRule.HISTORY_STEPS, OurJudgeRule.ALPHA);
    List<ScenarioTally> tallies = new ParallelRuns(runs, threads).run(cases, arguments);
    double seconds = (System.nanoTime() - start) / 1e9;
    QualityReport report = new QualityReport(out, rules);
    out.println();
    report.header(arguments);
    for (int c = 0; c < cases.size(); c++) {
      report.row(cases.get(c), tallies.get(c));
    }
    out.printf(Locale.ROOT, "(%d runs in %.0f s on %d threads)%n",
        tallies.stream().mapToInt(ScenarioTally::runs).sum(), seconds, threads);
  }

  private static List<BenchCase> cases(BenchArguments arguments) {
    Goal falseAlarms = Goal.falseFailedAtMost(0.01);
    Goal detection = Goal.detectedAtLeast(0.95);
    int aa = arguments.aaRuns();
    int ab = arguments.abRuns();
    return List.of(
        new BenchCase(Scenario.aa("A/A"), aa, falseAlarms),
        new BenchCase(Scenario.aa("A/A, phi 0.5").withPhi(0.5), aa, falseAlarms),
        new BenchCase(Scenario.aa("A/A, overdispersed errors").withErrorDispersion(ERROR_DISPERSION), aa, falseAlarms),
        new BenchCase(Scenario.aa("A/A, bursty latency").withBursts(BURSTS), aa, falseAlarms),
        new BenchCase(Scenario.aa("A/B 5x errors").withCanaryErrorRatio(0.010), ab, detection),
        new BenchCase(Scenario.aa("A/B 5x errors, phi 0.5").withCanaryErrorRatio(0.010).withPhi(0.5), ab, Goal.NONE),
        new BenchCase(Scenario.aa("A/B 5x errors, overdispersed").withCanaryErrorRatio(0.010)
            .withErrorDispersion(ERROR_DISPERSION), ab, Goal.NONE));
  }
}
