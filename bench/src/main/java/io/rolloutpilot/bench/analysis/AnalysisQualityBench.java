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
 * classification, each with its 95 % interval over runs spread across several seeds, and the time per
 * judgement. Everything printed is measured in this run.
 * Usage: {@code AnalysisQualityBench [A/A runs=25000] [A/B runs=5000] [seeds=20260101 (and the next 4) | a,b,c]}.
 */
public final class AnalysisQualityBench {
  private static final double ALPHA = 0.01;
  /** Baseline steps before each window: window.rhoHistory 1h at the 30 s step, 6x the 20-step window. */
  private static final int HISTORY_STEPS = 120;
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
    OurJudgeRule ours = new OurJudgeRule(new MetricDecider(new TwoSampleComparator(new MannWhitneyTest())),
        new Aggregator(), new DecisionSettings(ALPHA, true, false), HISTORY_STEPS);
    List<CanaryRule> others = List.of(new ThresholdRule(0.01, 0.275, 5), new KayentaRule());
    List<CanaryRule> rules = List.of(ours, others.get(0), others.get(1));
    out.println("metrics judged per run: " + BenchMetrics.describe());
    rules.forEach(r -> out.printf(Locale.ROOT, "rule %-26s %s%n", r.name() + ":", r.parameters()));
    List<BenchCase> cases = cases(arguments);
    int threads = Runtime.getRuntime().availableProcessors();
    long start = System.nanoTime();
    List<ScenarioTally> tallies = new ParallelRuns(new ScenarioRuns(ours, others, HISTORY_STEPS, ALPHA), threads)
        .run(cases, arguments);
    double seconds = (System.nanoTime() - start) / 1e9;
    QualityReport report = new QualityReport(out, rules);
    out.println();
    report.header(arguments);
    for (int c = 0; c < cases.size(); c++) {
      report.row(cases.get(c), tallies.get(c));
    }
    out.printf(Locale.ROOT, "(%d runs in %.0f s on %d threads)%n%n",
        tallies.stream().mapToInt(ScenarioTally::runs).sum(), seconds, threads);
    timing(ours, arguments.seeds().get(0));
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

  private void timing(OurJudgeRule ours, long seed) {
    timing(ours, seed, false, "in-window rho-hat");
    timing(ours, seed, true, "rho-hat from " + JudgeTiming.historySteps(600)
        + " baseline history steps per metric, ranked once per analysis when fetched");
  }

  private void timing(OurJudgeRule ours, long seed, boolean withHistory, String rho) {
    int metrics = 20;
    int samples = 600;
    JudgeTiming.Timings timings = new JudgeTiming(ours).measure(metrics, samples, 30, 100, seed, withHistory);
    out.printf(Locale.ROOT, "time per judgement, %d metrics x 2 groups x %d samples (half ratio with count test,"
        + " half latency; rho correction on, %s), 100 timed after 30 warm-up: %s (goal: mean <= 20 ms, %s);"
        + " CPU time of the judging thread: %s%n", metrics, samples, rho, JudgeTiming.Timings.describe(timings.wall()),
        timings.wallMean() <= 20 ? "met" : "NOT met", JudgeTiming.Timings.describe(timings.cpu()));
  }
}
