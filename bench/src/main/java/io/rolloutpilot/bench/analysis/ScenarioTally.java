package io.rolloutpilot.bench.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * What the runs of one scenario came to: FAILED counts per rule (in the rules' order), our judge's FAILED
 * count per seed, why our judge failed, and the baseline's error-count dispersion. Tallies of different
 * seeds are merged in seed order, so the totals do not depend on which thread ran which seed.
 */
final class ScenarioTally {
  private final int[] failed;
  private final List<Integer> oursPerSeed = new ArrayList<>();
  private final FailureBreakdown breakdown;
  private final CountDispersion dispersion = new CountDispersion();
  private int runs;
  private int oursThisSeed;

  ScenarioTally(int rules, double alpha) {
    this.failed = new int[rules];
    this.breakdown = new FailureBreakdown(alpha);
  }

  /** One run: which rules said FAILED (ours first). */
  void record(boolean[] failedByRule) {
    runs++;
    for (int r = 0; r < failed.length; r++) {
      failed[r] += failedByRule[r] ? 1 : 0;
    }
    oursThisSeed += failedByRule[0] ? 1 : 0;
  }

  /** Closes the seed whose runs were recorded so far (a tally holds one seed until merged). */
  ScenarioTally endSeed() {
    oursPerSeed.add(oursThisSeed);
    oursThisSeed = 0;
    return this;
  }

  void merge(ScenarioTally other) {
    runs += other.runs;
    for (int r = 0; r < failed.length; r++) {
      failed[r] += other.failed[r];
    }
    oursPerSeed.addAll(other.oursPerSeed);
    breakdown.merge(other.breakdown);
    dispersion.merge(other.dispersion);
  }

  FailureBreakdown breakdown() {
    return breakdown;
  }

  CountDispersion dispersion() {
    return dispersion;
  }

  int runs() {
    return runs;
  }

  WilsonInterval interval(int rule) {
    return WilsonInterval.of(failed[rule], runs);
  }

  List<Integer> oursPerSeed() {
    return List.copyOf(oursPerSeed);
  }
}
