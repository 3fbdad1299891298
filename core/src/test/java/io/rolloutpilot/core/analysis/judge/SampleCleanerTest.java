package io.rolloutpilot.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.analysis.spec.NanPolicy;
import org.junit.jupiter.api.Test;

class SampleCleanerTest {
  private final SampleCleaner cleaner = new SampleCleaner(SampleCleaner.grid(0, 4_000, 1_000));

  @Test
  void ratioKeepsTheCountsOfEveryStepItsTotalsAddUp() {
    // step 1 has no numerator sample, step 3 no denominator sample: neither counts towards the totals
    TimeSeries errors = new TimeSeries(new long[] {0, 2_000, 3_000, 4_000}, new double[] {2, 0, 5, 1});
    TimeSeries requests = new TimeSeries(new long[] {0, 1_000, 2_000, 4_000}, new double[] {100, 90, 80, 50});
    GroupSamples dropped = cleaner.ratio(errors, requests, NanPolicy.DROP);
    assertThat(dropped.steps().numerators()).containsExactly(2, 0, 1);
    assertThat(dropped.steps().denominators()).containsExactly(100, 80, 50);
    assertThat(dropped.numeratorTotal()).isEqualTo(3);
    assertThat(dropped.denominatorTotal()).isEqualTo(230);

    GroupSamples zeroed = cleaner.ratio(errors, requests, NanPolicy.ZERO);
    assertThat(zeroed.steps().numerators()).containsExactly(2, 0, 0, 1);
    assertThat(zeroed.steps().denominators()).containsExactly(100, 90, 80, 50);
    assertThat(zeroed.denominatorTotal()).isEqualTo(320);
  }

  @Test
  void plainMetricsHaveNoStepCounts() {
    GroupSamples plain = cleaner.plain(new TimeSeries(new long[] {0, 1_000}, new double[] {0.2, 0.3}), NanPolicy.DROP);
    assertThat(plain.steps()).isSameAs(StepCounts.NONE);
    assertThat(plain.numeratorTotal()).isNaN();
  }
}
