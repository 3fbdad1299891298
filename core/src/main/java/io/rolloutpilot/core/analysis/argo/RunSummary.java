package io.rolloutpilot.core.analysis.argo;

/** {@code status.runSummary} / {@code dryRunSummary}: counts of <em>metrics</em> by phase, not measurements. */
public record RunSummary(int count, int successful, int failed, int inconclusive, int error) {
  public static final RunSummary EMPTY = new RunSummary(0, 0, 0, 0, 0);
}
