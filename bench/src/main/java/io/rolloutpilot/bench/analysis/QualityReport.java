package io.rolloutpilot.bench.analysis;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the error-rate table: per scenario every rule's rate with its interval, our goal, and why we failed. */
final class QualityReport {
  private static final String ROW = "%-34s %6s  %-23s %-26s %-23s %s%n";

  private final PrintStream out;
  private final List<CanaryRule> rules;

  QualityReport(PrintStream out, List<CanaryRule> rules) {
    this.out = out;
    this.rules = List.copyOf(rules);
  }

  void header(BenchArguments arguments) {
    out.println("each figure: share of runs the rule FAILED, with its 95% Wilson score interval [lower, upper];"
        + " runs spread evenly over seeds " + arguments.describeSeeds());
    out.println("a goal is met only by the interval: false FAILED by its upper bound, detection by its lower bound");
    out.println();
    out.printf(Locale.ROOT, ROW, "scenario", "runs", rules.get(0).name(), rules.get(1).name(), rules.get(2).name(),
        "goal (ours, by the 95% interval)");
  }

  void row(BenchCase benchCase, ScenarioTally tally) {
    Scenario scenario = benchCase.scenario();
    out.printf(Locale.ROOT, ROW, scenario.name(), tally.runs(), tally.interval(0).describe(),
        tally.interval(1).describe(), tally.interval(2).describe(), benchCase.goal().verdict(tally.interval(0)));
    out.println("    " + scenario.parameters());
    List<Integer> perSeed = tally.oursPerSeed();
    out.printf(Locale.ROOT, "    our FAILED runs per seed: %s (of %d each)%n",
        perSeed.stream().map(String::valueOf).collect(Collectors.joining(", ")), tally.runs() / perSeed.size());
    out.println("    " + tally.dispersion().describe(scenario));
    tally.breakdown().lines().forEach(out::println);
  }
}
