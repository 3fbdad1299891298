package io.rolloutpilot.core.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The count test on A/A data whose errors come in bursts (gamma–Poisson, var/mean 6): assuming Poisson, the
 * window totals look different far more often than α says; measured against the baseline's own dispersion,
 * they do not.
 */
class QuasiBinomialAaTest {
  private static final int INTERVALS = 20;
  private static final double REQUESTS = 3000;
  private static final double ALPHA = 0.01;

  @Test
  void burstyErrorsFailAaAboutAlphaOnlyWithTheDispersionApplied() {
    GammaPoissonCounts random = new GammaPoissonCounts(2026);
    double[] requests = GammaPoissonCounts.constant(INTERVALS, REQUESTS);
    int runs = 3000;
    int poisson = 0;
    int quasi = 0;
    for (int run = 0; run < runs; run++) {
      double[] canary = random.counts(INTERVALS, 6, 1.2);
      double[] baseline = random.counts(INTERVALS, 6, 1.2);
      double[] history = random.counts(120, 6, 1.2);
      Dispersion dispersion = DispersionEstimator.choose(PearsonDispersion.of(baseline, requests),
          PearsonDispersion.of(history, GammaPoissonCounts.constant(120, REQUESTS)));
      double c = sum(canary);
      double b = sum(baseline);
      double total = INTERVALS * REQUESTS;
      poisson += CountTest.test(c, total, b, total).pGreater() < ALPHA ? 1 : 0;
      quasi += CountTest.test(c, total, b, total, dispersion).pGreater() < ALPHA ? 1 : 0;
    }
    assertThat(poisson / (double) runs).isGreaterThan(0.10);
    assertThat(quasi / (double) runs).isLessThan(0.015);
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }
}
