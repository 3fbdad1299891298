package io.rolloutpilot.cli.analyze;

import io.rolloutpilot.core.analysis.argo.AnalysisRunState;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisResult;
import io.rolloutpilot.core.analysis.argo.ArgoMetricReport;
import io.rolloutpilot.core.analysis.argo.RunSummary;
import io.rolloutpilot.core.analysis.judge.JudgeResult;
import io.rolloutpilot.core.analysis.judge.MetricResult;
import io.rolloutpilot.core.validation.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text report of an analysis: the verdict and its reason first, then what was judged, then one line
 * per metric saying why it got its verdict, then warnings.
 */
public final class AnalysisText {

  public List<String> judge(JudgeResult result) {
    List<String> lines = new ArrayList<>();
    lines.add(result.verdict() + " - " + result.reason());
    lines.add("Mode:      prometheus judge " + result.judgeVersion() + " on " + result.endpoint());
    lines.add("Window:    " + result.windowStart() + " .. " + result.windowEnd() + " (canary start "
        + result.canaryStart() + ", warm-up " + Durations.format(result.warmup()) + ", step "
        + Durations.format(result.step()) + ", " + result.looks() + " look(s))");
    lines.add("Canary:    " + result.canarySelector());
    lines.add("Baseline:  " + result.baselineSelector());
    lines.add("Score:     " + (Double.isNaN(result.score()) ? "undefined" : number(result.score())) + " (pass "
        + number(result.pass()) + ", marginal " + number(result.marginal()) + ")");
    lines.add("Metrics:");
    int width = result.metrics().stream().mapToInt(m -> m.name().length()).max().orElse(0);
    for (MetricResult metric : result.metrics()) {
      lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %-17s %s [canary %d, baseline %d samples%s]",
          metric.name(), metric.verdict(), metric.reason(), metric.canaryCount(), metric.baselineCount(),
          metric.critical() ? ", critical" : ""));
    }
    warnings(lines, result.warnings());
    result.metrics().forEach(m -> m.warnings().forEach(w -> lines.add("  " + m.name() + ": " + w)));
    return lines;
  }

  public List<String> argo(ArgoAnalysisResult result) {
    List<String> lines = new ArrayList<>();
    lines.add(result.verdict() + " - " + result.reason());
    AnalysisRunState run = result.run();
    if (run == null) {
      lines.add("Rollout:   " + result.namespace() + "/" + result.rollout() + " (no AnalysisRun followed)");
      warnings(lines, result.warnings());
      return lines;
    }
    lines.add("Run:       " + run.name() + " (" + (run.type().isEmpty() ? "unlabelled" : run.type())
        + (run.stepIndex().isEmpty() ? "" : ", step " + run.stepIndex()) + ") of rollout " + result.namespace() + "/"
        + result.rollout() + ", phase " + (run.phase().isEmpty() ? "none" : run.phase())
        + (run.message().isEmpty() ? "" : " - " + run.message()));
    lines.add("Summary:   " + summary(run.runSummary()) + (run.dryRunSummary().count() > 0 ? "; dry-run "
        + summary(run.dryRunSummary()) : "") + "; measurements kept " + result.measurementsKept() + " of "
        + result.measurementsTaken() + " taken");
    lines.add("Metrics:");
    int width = result.metrics().stream().mapToInt(m -> m.name().length()).max().orElse(0);
    for (ArgoMetricReport metric : result.metrics()) {
      lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %-12s %s (%s)", metric.name(),
          metric.phase().isEmpty() ? "-" : metric.phase(), metric.reason(), metric.limits()));
    }
    warnings(lines, result.warnings());
    return lines;
  }

  private static String summary(RunSummary s) {
    return s.count() + " metric(s): " + s.successful() + " successful, " + s.failed() + " failed, "
        + s.inconclusive() + " inconclusive, " + s.error() + " error";
  }

  private static void warnings(List<String> lines, List<String> warnings) {
    if (!warnings.isEmpty()) {
      lines.add("Warnings:");
      warnings.forEach(w -> lines.add("  " + w));
    }
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
