package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.stats.Comparison;
import io.rolloutpilot.core.analysis.stats.CountTestResult;
import io.rolloutpilot.core.analysis.stats.Descriptive;
import io.rolloutpilot.core.analysis.stats.Dispersion;
import io.rolloutpilot.core.analysis.stats.RhoEstimate;
import io.rolloutpilot.core.analysis.stats.RhoEstimator;

/**
 * The numbers behind a metric's verdict.
 *
 * @param pValue the p-value in the bad direction (two-sided for {@code either})
 * @param pMethod exact, conditional-exact or normal
 * @param shiftLower one-sided lower bound of the canary − baseline shift (at α per side)
 * @param rho the ρ z was deflated by: the estimate's upper confidence bound (0 = none)
 * @param rhoEstimate the point estimate ρ̂ behind it (0 = none)
 * @param rhoSource where ρ̂ was estimated: "baseline history, N samples", "in window, N samples" or "off"
 * @param countTest for ratio metrics, the test on the window totals; null otherwise
 * @param dispersion the factor the count test's binomial variance was multiplied by (NaN without a count test)
 * @param dispersionSource where that factor was estimated, or why it is 1 (null without a count test)
 */
public record MetricStatistics(Descriptive canary, Descriptive baseline, double shift, double shiftLower,
    double shiftUpper, double relativeChange, double meanRatio, double cles, double pValue, String pMethod,
    double rho, double rhoEstimate, String rhoSource, CountTestResult countTest, double dispersion,
    String dispersionSource) {

  static MetricStatistics of(Comparison comparison, double pValue, CountTestResult countTest,
      BaselineHistory history) {
    Dispersion dispersion = countTest == null ? null : countTest.dispersion();
    return new MetricStatistics(comparison.canary(), comparison.baseline(), comparison.shift().estimate(),
        comparison.shift().lower(), comparison.shift().upper(), comparison.relativeChange(), comparison.meanRatio(),
        comparison.cles(), pValue, comparison.test().method().label(), comparison.test().rho(),
        comparison.rho().estimate(), rhoSource(comparison, history), countTest,
        dispersion == null ? Double.NaN : dispersion.factor(), dispersion == null ? null : dispersion.source());
  }

  /** Where ρ̂ came from and, when history was asked for but not used, why not. */
  static String rhoSource(Comparison comparison, BaselineHistory history) {
    RhoEstimate rho = comparison.rho();
    if (rho.source() != RhoEstimate.Source.IN_WINDOW || history == BaselineHistory.OFF) {
      return rho.describe();
    }
    if (history.unavailable() != null) {
      return rho.describe() + " (baseline history unavailable: " + history.unavailable() + ")";
    }
    int needed = RhoEstimator.HISTORY_FACTOR * Math.max(comparison.test().m(), comparison.test().n());
    return rho.describe() + " (baseline history of " + history.size() + " samples not used: " + needed
        + " needed, and it must vary)";
  }
}
