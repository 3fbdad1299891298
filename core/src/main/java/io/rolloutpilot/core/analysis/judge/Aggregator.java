package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.analysis.spec.ScoringSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Aggregates metric verdicts into the analysis verdict. Score = Σ_g w_g·PASS_g/(PASS+HIGH+LOW)_g with Kayenta's weight rule, but a
 * group with no decided metric is undefined (not 100). FAILED on a critical regression, a guardrail or a
 * score below marginal; ERROR when a metric errored; PASSED only with score ≥ pass, every critical
 * metric PASS, no ERROR and at most {@code allowInconclusive} undecided metrics (NO_DATA counts as
 * undecided, and half or more NO_DATA is never a pass); INCONCLUSIVE otherwise.
 */
public final class Aggregator {

  public Aggregate aggregate(List<MetricResult> results, ScoringSpec scoring) {
    double score = score(results, scoring);
    for (MetricResult r : results) {
      if (r.critical() && r.verdict().regression()) {
        return new Aggregate(Verdict.FAILED, "critical metric " + r.name() + " is " + r.verdict() + ": " + r.reason(), score);
      }
      if (r.guardrailViolated()) {
        return new Aggregate(Verdict.FAILED, r.name() + ": " + r.reason(), score);
      }
    }
    if (!Double.isNaN(score) && score < scoring.marginal()) {
      return new Aggregate(Verdict.FAILED, "score " + fmt(score) + " < marginal " + fmt(scoring.marginal())
          + failing(results), score);
    }
    for (MetricResult r : results) {
      if (r.verdict() == MetricVerdict.ERROR) {
        return new Aggregate(Verdict.ERROR, r.name() + ": " + r.reason(), score);
      }
    }
    String blocker = blocker(results, scoring, score);
    if (blocker == null) {
      return new Aggregate(Verdict.PASSED, "score " + fmt(score) + " ≥ pass " + fmt(scoring.pass())
          + "; every metric decided", score);
    }
    return new Aggregate(Verdict.INCONCLUSIVE, blocker, score);
  }

  private static String blocker(List<MetricResult> results, ScoringSpec scoring, double score) {
    long noData = results.stream().filter(r -> r.verdict() == MetricVerdict.NO_DATA).count();
    if (noData * 2 >= results.size() && noData > 0) {
      return noData + " of " + results.size() + " metrics have no data";
    }
    for (MetricResult r : results) {
      if (r.critical() && r.verdict() != MetricVerdict.PASS) {
        return "critical metric " + r.name() + " is " + r.verdict() + ": " + r.reason();
      }
    }
    List<String> undecided = new ArrayList<>();
    results.stream().filter(r -> r.verdict().undecided()).forEach(r -> undecided.add(r.name() + " " + r.verdict()));
    if (undecided.size() > scoring.allowInconclusive()) {
      return undecided.size() + " metric(s) undecided (" + String.join(", ", undecided) + "); allowInconclusive is "
          + scoring.allowInconclusive();
    }
    if (Double.isNaN(score)) {
      return "no decided metric in a scoring group; the score is undefined";
    }
    if (score < scoring.pass()) {
      return "score " + fmt(score) + " is in the marginal band [" + fmt(scoring.marginal()) + ", "
          + fmt(scoring.pass()) + ")" + failing(results);
    }
    return null;
  }

  static double score(List<MetricResult> results, ScoringSpec scoring) {
    Map<String, int[]> groups = new LinkedHashMap<>();
    for (MetricResult r : results) {
      int[] counts = groups.computeIfAbsent(r.group(), g -> new int[2]);
      if (r.verdict() == MetricVerdict.PASS || r.verdict().regression()) {
        counts[1]++;
        counts[0] += r.verdict() == MetricVerdict.PASS ? 1 : 0;
      }
    }
    double configured = 0;
    int unweighted = 0;
    for (String group : groups.keySet()) {
      Double weight = scoring.groupWeights().get(group);
      configured += weight == null ? 0 : weight;
      unweighted += weight == null ? 1 : 0;
    }
    double share = unweighted == 0 ? 0 : (100 - configured) / unweighted;
    double score = 0;
    for (Map.Entry<String, int[]> group : groups.entrySet()) {
      int[] counts = group.getValue();
      if (counts[1] == 0) {
        return Double.NaN;
      }
      double weight = scoring.groupWeights().getOrDefault(group.getKey(), share);
      score += 100.0 * counts[0] / counts[1] * weight / 100;
    }
    return Math.round(score * 100) / 100.0;
  }

  private static String failing(List<MetricResult> results) {
    List<String> bad = new ArrayList<>();
    results.stream().filter(r -> r.verdict().regression()).forEach(r -> bad.add(r.name() + " " + r.verdict()));
    return bad.isEmpty() ? "" : " (" + String.join(", ", bad) + ")";
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
