package io.rolloutpilot.core.analysis.argo;

import io.rolloutpilot.core.analysis.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an AnalysisRun (and its Rollout's abort flag) to our outcome. Argo's fail-open cases are
 * closed: a run that is "Successful" only because it was terminated
 * before every metric was measured (its count reached) is INCONCLUSIVE, never PASSED.
 */
public final class RunVerdicts {

  /** The verdict, or null while the run is still going. */
  public RunDecision decide(AnalysisRunState run, boolean rolloutAborted, String rolloutMessage) {
    String name = "AnalysisRun " + run.name();
    switch (run.phase()) {
      case "Failed":
        return new RunDecision(Verdict.FAILED, name + " Failed" + message(run) + "; Argo aborts the rollout");
      case "Error":
        return new RunDecision(Verdict.ERROR, name + " Error" + message(run) + "; Argo aborts the rollout");
      case "Inconclusive":
        return new RunDecision(Verdict.INCONCLUSIVE, name + " Inconclusive" + message(run)
            + "; Argo paused the rollout (InconclusiveAnalysisRun): promote or abort it");
      case "Successful":
        return successful(run, rolloutAborted, rolloutMessage);
      default:
        return rolloutAborted ? aborted(run, rolloutMessage) : null;
    }
  }

  private static RunDecision successful(AnalysisRunState run, boolean rolloutAborted, String rolloutMessage) {
    if (run.terminated() && rolloutAborted) {
      return aborted(run, rolloutMessage);
    }
    List<String> unevaluated = unevaluated(run);
    String how = run.terminated() ? "terminated" : "Successful";
    if (!unevaluated.isEmpty()) {
      return new RunDecision(Verdict.INCONCLUSIVE, "AnalysisRun " + run.name() + " is " + how
          + " but not (fully) evaluated: " + String.join("; ", unevaluated)
          + " (Argo reports such a run as Successful; we do not)");
    }
    long measured = run.metrics().stream().filter(m -> !run.dryRun(m.name())).count();
    if (measured == 0) {
      return new RunDecision(Verdict.INCONCLUSIVE, "AnalysisRun " + run.name()
          + " has no metric that counts (all are dry-run); nothing was judged");
    }
    return new RunDecision(Verdict.PASSED, "AnalysisRun " + run.name() + " Successful: every metric was measured"
        + " and stayed within its limits" + (run.terminated() ? " (then the run was terminated)" : ""));
  }

  /** Non-dry-run metrics never measured, or, in a terminated run, measured fewer times than their count. */
  static List<String> unevaluated(AnalysisRunState run) {
    List<String> missing = new ArrayList<>();
    for (ArgoMetricSpec metric : run.metrics()) {
      if (run.dryRun(metric.name())) {
        continue;
      }
      int count = run.result(metric.name()).map(ArgoMetricStatus::count).orElse(0);
      if (count == 0) {
        missing.add(metric.name() + " was never measured");
      } else if (run.terminated() && metric.count() != null && count < metric.count()) {
        missing.add(metric.name() + " measured " + count + " of count " + metric.count());
      }
    }
    return missing;
  }

  private static RunDecision aborted(AnalysisRunState run, String rolloutMessage) {
    return new RunDecision(Verdict.FAILED, "the rollout was aborted (by the controller or a user) before AnalysisRun "
        + run.name() + " ended" + (rolloutMessage == null || rolloutMessage.isEmpty() ? "" : ": " + rolloutMessage));
  }

  private static String message(AnalysisRunState run) {
    return run.message().isEmpty() ? "" : ": " + run.message();
  }
}
