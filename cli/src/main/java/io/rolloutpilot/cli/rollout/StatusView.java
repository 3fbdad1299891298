package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutStatusReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link RolloutStatusReport}: Argo's own status line first (what
 * {@code kubectl argo rollouts status --watch=false} prints), then the columns of {@code get rollout}.
 */
public final class StatusView {
  private static final String LABEL = "%-14s%s";

  private StatusView() {}

  public static List<String> text(RolloutStatusReport report) {
    List<String> lines = new ArrayList<>();
    lines.add(report.phaseStatus().summaryLine());
    lines.add(row("Name:", report.name()));
    lines.add(row("Namespace:", report.namespace()));
    if (!report.message().isEmpty()) {
      lines.add(row("Message:", report.message()));
    }
    if (report.stepIndex() != null) {
      lines.add(row("Step:", report.stepIndex() + "/" + report.stepCount()));
    }
    lines.add(row("SetWeight:", String.valueOf(report.setWeight())));
    lines.add(row("ActualWeight:", String.valueOf(report.actualWeight())));
    lines.addAll(images(report));
    lines.add(row("Revision:", report.revision() == null ? "-" : String.valueOf(report.revision())));
    lines.add(row("StableHash:", dash(report.stableHash())));
    lines.add(row("CanaryHash:", dash(report.canaryHash())));
    Rollout.AnalysisRunStatus run = report.analysisRun();
    if (run != null) {
      lines.add(row("AnalysisRun:", run.name() + " (" + runPhase(run) + ")"
          + (run.message() == null || run.message().isEmpty() ? "" : ": " + run.message())));
    }
    Rollout.Replicas r = report.replicas();
    lines.add(row("Replicas:", "desired " + r.desired() + ", current " + r.current() + ", updated " + r.updated()
        + ", ready " + r.ready() + ", available " + r.available()));
    if (report.aborted()) {
      lines.add(row("Aborted:", "yes (retry resumes the update, undo goes back)"));
    }
    return lines;
  }

  /** The JSON fields of {@code status -o json}; the field names are part of the CLI contract (docs/cli.md). */
  public static Map<String, Object> json(RolloutStatusReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", report.name());
    json.put("namespace", report.namespace());
    json.put("phase", report.phase().name());
    json.put("message", report.message());
    json.put("status", report.phaseStatus().watchLine());
    json.put("stepIndex", report.stepIndex());
    json.put("stepCount", report.stepCount());
    json.put("setWeight", report.setWeight());
    json.put("actualWeight", report.actualWeight());
    json.put("stableImages", report.stableImages());
    json.put("canaryImages", report.canaryImages());
    json.put("revision", report.revision());
    json.put("stableHash", report.stableHash());
    json.put("canaryHash", report.canaryHash());
    json.put("analysisRun", analysisRun(report.analysisRun()));
    json.put("replicas", replicas(report.replicas()));
    json.put("aborted", report.aborted());
    json.put("generation", report.generation());
    json.put("generationObserved", report.generationObserved());
    return json;
  }

  private static Map<String, Object> replicas(Rollout.Replicas r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("desired", r.desired());
    json.put("current", r.current());
    json.put("updated", r.updated());
    json.put("ready", r.ready());
    json.put("available", r.available());
    return json;
  }

  private static Map<String, Object> analysisRun(Rollout.AnalysisRunStatus run) {
    if (run == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", run.name());
    json.put("phase", runPhase(run));
    json.put("message", run.message() == null ? "" : run.message());
    return json;
  }

  /** Argo mirrors an empty status right after creating a run; it is Pending until the run reports. */
  private static String runPhase(Rollout.AnalysisRunStatus run) {
    return run.status() == null || run.status().isEmpty() ? "Pending" : run.status();
  }

  private static List<String> images(RolloutStatusReport report) {
    List<String> entries = new ArrayList<>();
    report.stableImages().forEach((container, image) -> entries.add(container + "=" + image + " (stable)"));
    report.canaryImages().forEach((container, image) -> entries.add(container + "=" + image + " (canary)"));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      lines.add(row(i == 0 ? "Images:" : "", entries.get(i)));
    }
    if (lines.isEmpty()) {
      lines.add(row("Images:", "-"));
    }
    return lines;
  }

  private static String row(String label, String value) {
    return String.format(LABEL, label, value);
  }

  private static String dash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }
}
