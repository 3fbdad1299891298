package io.rolloutpilot.core.analysis.judge;

import static io.rolloutpilot.core.analysis.judge.JudgeFixtures.FINAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.spec.Direction;
import io.rolloutpilot.core.analysis.spec.Guardrail;
import io.rolloutpilot.core.analysis.spec.Margin;
import io.rolloutpilot.core.analysis.spec.MetricKind;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import io.rolloutpilot.core.analysis.spec.NanPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raw Prometheus samples through the cleaner and the decider: an infinite sample is never evidence of health,
 * whatever the nan policy, the direction or the kind of metric.
 */
class InfiniteSamplesTest {
  private static final int N = 40;
  private static final double INF = Double.POSITIVE_INFINITY;

  private static double[] steady(double level) {
    double[] values = new double[N];
    for (int i = 0; i < N; i++) {
      values[i] = level + (i % 7) * 0.001;
    }
    return values;
  }

  private static double[] constant(double value) {
    double[] values = new double[N];
    Arrays.fill(values, value);
    return values;
  }

  private static double[] withInfinities(double[] values, int every) {
    double[] out = values.clone();
    for (int i = 0; i < N; i += every) {
      out[i] = INF;
    }
    return out;
  }

  static Stream<Arguments> hostileSamples() {
    return Stream.of(
        Arguments.of("every canary sample +Inf", constant(INF), steady(0.2), NanPolicy.DROP, Direction.INCREASE),
        Arguments.of("every sample of both groups +Inf", constant(INF), constant(INF), NanPolicy.DROP,
            Direction.INCREASE),
        Arguments.of("both +Inf, nan: zero", constant(INF), constant(INF), NanPolicy.ZERO, Direction.INCREASE),
        Arguments.of("canary +Inf, nan: zero", constant(INF), steady(0.2), NanPolicy.ZERO, Direction.INCREASE),
        Arguments.of("every baseline sample +Inf", steady(0.2), constant(INF), NanPolicy.DROP, Direction.INCREASE),
        Arguments.of("canary -Inf for a decrease metric", constant(Double.NEGATIVE_INFINITY), steady(0.2),
            NanPolicy.DROP, Direction.DECREASE),
        Arguments.of("a quarter of the canary +Inf, the rest equal", withInfinities(steady(0.2), 4), steady(0.2),
            NanPolicy.DROP, Direction.INCREASE),
        Arguments.of("one canary sample +Inf, nan: zero", withInfinities(steady(0.2), N), steady(0.2),
            NanPolicy.ZERO, Direction.EITHER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileSamples")
  void neverPasses(String name, double[] canary, double[] baseline, NanPolicy nan, Direction direction) {
    MetricSpec metric = new MetricSpec("p99", MetricKind.QUERY, "q{ {{selector}} }", null, null, direction,
        Margin.ratio(0.1), Guardrail.NONE, 20, 0, nan, true, false, "latency");

    MetricResult result = decide(metric, List.of(series(canary)), List.of(series(baseline)));

    assertThat(result.verdict()).as(result.reason()).isNotEqualTo(MetricVerdict.PASS)
        .isIn(MetricVerdict.INCONCLUSIVE, MetricVerdict.HIGH, MetricVerdict.LOW);
    assertThat(result.reason()).contains("infinite").doesNotContain("Infinity");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileSamples")
  void aRatioWithAnInfinitePartNeverPasses(String name, double[] canary, double[] baseline, NanPolicy nan,
      Direction direction) {
    MetricSpec metric = new MetricSpec("errors", MetricKind.RATIO, null, "n{ {{selector}} }", "d{ {{selector}} }",
        direction, Margin.absolute(0.01), Guardrail.NONE, 20, 0, nan, true, false, "errors");
    double[] requests = constant(1000);

    MetricResult asDenominator = decide(metric, List.of(series(constant(2)), series(canary)),
        List.of(series(constant(2)), series(baseline)));
    MetricResult asNumerator = decide(metric, List.of(series(canary), series(requests)),
        List.of(series(baseline), series(requests)));

    assertThat(asDenominator.verdict()).as(asDenominator.reason()).isNotEqualTo(MetricVerdict.PASS);
    assertThat(asNumerator.verdict()).as(asNumerator.reason()).isNotEqualTo(MetricVerdict.PASS);
  }

  @org.junit.jupiter.api.Test
  void aRegressionOnTheFiniteSamplesIsKeptAndSaysWhatWasLeftOut() {
    MetricSpec metric = new MetricSpec("p99", MetricKind.QUERY, "q{ {{selector}} }", null, null,
        Direction.INCREASE, Margin.ratio(0.1), Guardrail.NONE, 20, 0, NanPolicy.DROP, true, false, "latency");

    MetricResult result = decide(metric, List.of(series(withInfinities(steady(0.9), 4))),
        List.of(series(steady(0.2))));

    assertThat(result.verdict()).isEqualTo(MetricVerdict.HIGH);
    assertThat(result.reason()).contains("10 canary and 0 baseline samples were infinite");
  }

  private static MetricResult decide(MetricSpec metric, List<TimeSeries> canary, List<TimeSeries> baseline) {
    long[] grid = SampleCleaner.grid(0, (N - 1) * 60_000L, 60_000L);
    SampleCleaner cleaner = new SampleCleaner(grid);
    GroupSamples c = metric.kind() == MetricKind.RATIO ? cleaner.ratio(canary.get(0), canary.get(1), metric.nan())
        : cleaner.plain(canary.get(0), metric.nan());
    GroupSamples b = metric.kind() == MetricKind.RATIO
        ? cleaner.ratio(baseline.get(0), baseline.get(1), metric.nan()) : cleaner.plain(baseline.get(0), metric.nan());
    return JudgeFixtures.decider().decide(new MetricData(metric, grid, c, b, List.of("q"), List.of("q"), List.of(),
        null), FINAL);
  }

  private static TimeSeries series(double[] values) {
    return new TimeSeries(SampleCleaner.grid(0, (N - 1) * 60_000L, 60_000L), values);
  }
}
