package io.rolloutpilot.core.analysis.spec;

import io.rolloutpilot.core.analysis.stats.RhoEstimator;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.validation.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-field checks of a spec: settings that cannot work are errors, weak ones are warnings
 * (a group smaller than the exact test's minimum can never reject at α).
 */
final class SpecRules {
  static final int MAX_POINTS = 11_000;
  static final int WARN_BELOW_SAMPLES = 50;
  static final int WARN_ABOVE_METRICS = 12;
  static final int MIN_HISTORY_POINTS = 10;
  static final Duration MAX_HISTORY = Duration.ofHours(24);

  List<String> check(AnalysisSpec spec) {
    List<String> warnings = new ArrayList<>();
    checkAlpha(spec.alpha());
    checkWindow(spec.window());
    checkRhoHistory(spec, warnings);
    checkScoring(spec);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < spec.metrics().size(); i++) {
      MetricSpec metric = spec.metrics().get(i);
      String field = "spec.metrics[" + i + "]";
      if (!names.add(metric.name())) {
        throw new InvalidInputException(field + ".name", "duplicate metric name '" + metric.name() + "'");
      }
      checkSamples(field, metric, spec, warnings);
    }
    if (spec.metrics().size() > WARN_ABOVE_METRICS) {
      warnings.add(spec.metrics().size() + " metrics: the SRE workbook advises no more than about a dozen");
    }
    return warnings;
  }

  private static void checkAlpha(double alpha) {
    if (!(alpha > 0 && alpha <= 0.25)) {
      throw new InvalidInputException("spec.alpha", alpha + " is outside (0, 0.25]; 0.01 is the usual choice");
    }
  }

  private static void checkWindow(WindowSpec window) {
    // the grid is in whole milliseconds, as Prometheus reads a step
    if (window.step().toMillis() < 1) {
      throw new InvalidInputException("spec.window.step", "must be at least 1ms");
    }
    if (window.duration().compareTo(window.warmup()) <= 0) {
      throw new InvalidInputException("spec.window.duration", "must be longer than window.warmup ("
          + window.warmup().toSeconds() + "s)");
    }
    if (window.gridPoints() > MAX_POINTS) {
      throw new InvalidInputException("spec.window.step", "gives " + window.gridPoints()
          + " points per series; Prometheus allows at most 11000, use a larger step");
    }
    Duration every = window.evaluateEvery();
    if (every.isZero() || every.isNegative() || every.compareTo(window.duration()) > 0) {
      throw new InvalidInputException("spec.window.evaluateEvery", "must be positive and at most window.duration");
    }
    // a look more often than a step sees no new sample, and only costs Prometheus queries
    if (every.compareTo(window.step()) < 0) {
      throw new InvalidInputException("spec.window.evaluateEvery", "must be at least window.step ("
          + Durations.format(window.step()) + ")");
    }
  }

  /**
   * A ρ̂ from fewer than 10 lag-1 pairs is noisier than the in-window one it would replace; beyond a day the
   * stable version's old behaviour says little about now, and the query would cost Prometheus for nothing.
   */
  private static void checkRhoHistory(AnalysisSpec spec, List<String> warnings) {
    WindowSpec window = spec.window();
    if (!window.hasRhoHistory()) {
      return;
    }
    if (window.rhoHistory().isNegative()) {
      throw new InvalidInputException("spec.window.rhoHistory", "must not be negative (0 turns it off)");
    }
    if (window.historyPoints() < MIN_HISTORY_POINTS) {
      throw new InvalidInputException("spec.window.rhoHistory", "covers " + window.historyPoints() + " steps; at least "
          + MIN_HISTORY_POINTS + " are needed (use at least " + MIN_HISTORY_POINTS + " × window.step, or 0 for off)");
    }
    if (window.rhoHistory().compareTo(MAX_HISTORY) > 0 || window.historyPoints() > MAX_POINTS) {
      throw new InvalidInputException("spec.window.rhoHistory", "must be at most 24h and " + MAX_POINTS + " steps, got "
          + window.rhoHistory().toMinutes() + "m (" + window.historyPoints() + " steps)");
    }
    long needed = RhoEstimator.HISTORY_FACTOR * window.gridPoints();
    if (window.historyPoints() < needed) {
      warnings.add("window.rhoHistory gives " + window.historyPoints() + " steps but " + needed
          + " (" + RhoEstimator.HISTORY_FACTOR + " × the window's) are needed before it replaces the in-window ρ̂; it will not be used");
    }
    if (!spec.autocorrelation()) {
      warnings.add("window.rhoHistory is set but autocorrelation is off, so no ρ̂ is used at all");
    }
  }

  private static void checkScoring(AnalysisSpec spec) {
    ScoringSpec scoring = spec.scoring();
    if (scoring.pass() < 0 || scoring.pass() > 100 || scoring.marginal() < 0 || scoring.marginal() > scoring.pass()) {
      throw new InvalidInputException("spec.scoring", "need 0 ≤ marginal ≤ pass ≤ 100, got marginal "
          + scoring.marginal() + " and pass " + scoring.pass());
    }
    if (scoring.allowInconclusive() < 0) {
      throw new InvalidInputException("spec.scoring.allowInconclusive", "must not be negative");
    }
    Set<String> groups = new HashSet<>();
    spec.metrics().forEach(m -> groups.add(m.group()));
    double sum = 0;
    for (Map.Entry<String, Double> weight : scoring.groupWeights().entrySet()) {
      String field = "spec.scoring.groupWeights." + weight.getKey();
      if (!groups.contains(weight.getKey())) {
        throw new InvalidInputException(field, "no metric is in group '" + weight.getKey() + "'; groups: " + groups);
      }
      if (weight.getValue() < 0 || weight.getValue() > 100) {
        throw new InvalidInputException(field, "must be between 0 and 100");
      }
      sum += weight.getValue();
    }
    boolean allWeighted = scoring.groupWeights().keySet().containsAll(groups);
    if (sum > 100 + 1e-9 || (allWeighted && !scoring.groupWeights().isEmpty() && Math.abs(sum - 100) > 1e-9)) {
      throw new InvalidInputException("spec.scoring.groupWeights", "add up to " + sum
          + "; they must add up to 100 (or less, with the rest shared by unweighted groups)");
    }
  }

  private static void checkSamples(String field, MetricSpec metric, AnalysisSpec spec, List<String> warnings) {
    double alphaPerSide = metric.direction().alphaPerSide(spec.alpha());
    int least = smallestRejectingGroupSize(alphaPerSide);
    if (metric.minSamples() < least) {
      throw new InvalidInputException(field + ".minSamples", metric.minSamples() + " samples per group can never"
          + " reach p < " + alphaPerSide + "; use at least " + least + " (20 or more is advised)");
    }
    if (metric.minSamples() > spec.window().gridPoints()) {
      throw new InvalidInputException(field + ".minSamples", metric.minSamples() + " exceeds the "
          + spec.window().gridPoints() + " steps the window holds ((duration − warmup)/step + 1)");
    }
    if (metric.minSamples() < WARN_BELOW_SAMPLES) {
      warnings.add(metric.name() + ": minSamples " + metric.minSamples()
          + " is below 50; small samples detect only large changes");
    }
  }

  /** The smallest n with 1/C(2n, n) < α: below it, even complete separation is not significant. */
  static int smallestRejectingGroupSize(double alpha) {
    double combinations = 1;
    for (int n = 1; n < 100; n++) {
      combinations = combinations * (2 * n - 1) * (2 * n) / ((double) n * n);
      if (1 / combinations < alpha) {
        return n;
      }
    }
    return 100;
  }
}
