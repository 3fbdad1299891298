package io.rolloutpilot.bench.analysis;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.judge.MetricResult;
import io.rolloutpilot.core.analysis.judge.MetricStatistics;
import io.rolloutpilot.core.analysis.stats.Alternative;
import io.rolloutpilot.core.analysis.stats.CountTestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why our judge said FAILED, tallied per metric and per part of the decision (the
 * guardrail, the rank test on the per-step samples, the count test on the window totals), so a false-alarm rate can be
 * traced to its cause instead of guessed at. A metric whose rank and count tests both fire counts under
 * both. Over all runs it also counts how often each test alone was significant, to show how much of the
 * protection comes from the margin rather than from the test's size, the mean ρ̂ of the autocorrelation
 * correction with the mean upper bound it deflated by, and the mean dispersion factor of the count
 * test. The benchmark's metrics are all increase metrics, so a regression is HIGH at α on the upper side.
 */
final class FailureBreakdown {
  private final double alpha;
  private final Map<String, Tally> tallies = new TreeMap<>();
  private int runs;
  private int failedRuns;

  FailureBreakdown(double alpha) {
    this.alpha = alpha;
  }

  /** Records one run's per-metric results and whether the judge failed the canary. */
  void record(List<MetricResult> results, boolean failed) {
    runs++;
    failedRuns += failed ? 1 : 0;
    for (MetricResult result : results) {
      Tally tally = tallies.computeIfAbsent(result.name(), name -> new Tally());
      tally.observe(result.statistics(), alpha);
      if (failed && result.verdict().regression()) {
        tally.regressed(result, alpha);
      }
    }
  }

  /** Adds another breakdown's counts (of other runs) to this one's. */
  void merge(FailureBreakdown other) {
    runs += other.runs;
    failedRuns += other.failedRuns;
    other.tallies.forEach((name, t) -> tallies.computeIfAbsent(name, n -> new Tally()).merge(t));
  }

  /** Indented lines: one per metric, with its failures split by test, its mean ρ̂ and dispersion factor. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "    our FAILED runs by metric and test (%d of %d runs):", failedRuns, runs));
    tallies.forEach((name, t) -> lines.add(String.format(Locale.ROOT,
        "      %-12s HIGH %4d = rank test (MW p<alpha, HL shift>margin) %4d, count test (window totals) %4d,"
            + " guardrail %d | all runs: MW p<alpha %d, count p<alpha %d, %s", name, t.regressions, t.rank,
        t.count, t.guardrail, t.rankSignificant, t.countSignificant, t.means())));
    return lines;
  }

  /** Counters for one metric; mutable, but never leaves this class. */
  private static final class Tally {
    int regressions;
    int rank;
    int count;
    int guardrail;
    int compared;
    int rankSignificant;
    int countSignificant;
    double rhoSum;
    double rhoEstimateSum;
    int counted;
    double dispersionSum;

    void merge(Tally o) {
      regressions += o.regressions;
      rank += o.rank;
      count += o.count;
      guardrail += o.guardrail;
      compared += o.compared;
      rankSignificant += o.rankSignificant;
      countSignificant += o.countSignificant;
      rhoSum += o.rhoSum;
      rhoEstimateSum += o.rhoEstimateSum;
      counted += o.counted;
      dispersionSum += o.dispersionSum;
    }

    String means() {
      int n = Math.max(1, compared);
      String rho = String.format(Locale.ROOT, "mean rho-hat %.3f (used: %.3f)", rhoEstimateSum / n, rhoSum / n);
      return counted == 0 ? rho : rho + String.format(Locale.ROOT, ", mean dispersion factor %.2f",
          dispersionSum / counted);
    }

    void observe(MetricStatistics statistics, double alpha) {
      if (statistics != null) {
        compared++;
        rhoSum += statistics.rho();
        rhoEstimateSum += statistics.rhoEstimate();
        rankSignificant += statistics.pValue() < alpha ? 1 : 0;
        CountTestResult counts = statistics.countTest();
        countSignificant += counts != null && counts.pValue(Alternative.GREATER) < alpha ? 1 : 0;
        if (counts != null) {
          counted++;
          dispersionSum += statistics.dispersion();
        }
      }
    }

    void regressed(MetricResult result, double alpha) {
      regressions++;
      MetricStatistics s = result.statistics();
      if (result.guardrailViolated() || s == null || result.verdict() != MetricVerdict.HIGH) {
        guardrail += result.guardrailViolated() ? 1 : 0;
        return;
      }
      rank += s.pValue() < alpha && s.shift() > result.margin() ? 1 : 0;
      CountTestResult counts = s.countTest();
      boolean countFired = counts != null && counts.pValue(Alternative.GREATER) < alpha
          && counts.canaryRatio() - counts.baselineRatio() > result.margin();
      count += countFired ? 1 : 0;
    }
  }
}
