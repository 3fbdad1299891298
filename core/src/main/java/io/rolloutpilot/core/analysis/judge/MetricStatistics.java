package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.stats.Comparison;
import io.rolloutpilot.core.analysis.stats.CountTestResult;
import io.rolloutpilot.core.analysis.stats.Descriptive;

/**
 * The numbers behind a metric's verdict (reference §6.4).
 *
 * @param pValue the p-value in the bad direction (two-sided for {@code either})
 * @param pMethod exact, conditional-exact or normal
 * @param shiftLower one-sided lower bound of the canary − baseline shift (at α per side)
 * @param countTest for ratio metrics, the test on the window totals; null otherwise
 */
public record MetricStatistics(Descriptive canary, Descriptive baseline, double shift, double shiftLower,
    double shiftUpper, double relativeChange, double meanRatio, double cles, double pValue, String pMethod,
    double rho, CountTestResult countTest) {

  static MetricStatistics of(Comparison comparison, double pValue, CountTestResult countTest) {
    return new MetricStatistics(comparison.canary(), comparison.baseline(), comparison.shift().estimate(),
        comparison.shift().lower(), comparison.shift().upper(), comparison.relativeChange(), comparison.meanRatio(),
        comparison.cles(), pValue, comparison.test().method().label(), comparison.test().rho(), countTest);
  }
}
