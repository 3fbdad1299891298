package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.spec.Direction;
import io.rolloutpilot.core.analysis.spec.MetricKind;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import io.rolloutpilot.core.analysis.stats.Comparison;
import io.rolloutpilot.core.analysis.stats.CountTest;
import io.rolloutpilot.core.analysis.stats.CountTestResult;
import io.rolloutpilot.core.analysis.stats.Dispersion;
import io.rolloutpilot.core.analysis.stats.DispersionEstimator;
import io.rolloutpilot.core.analysis.stats.PearsonDispersion;
import io.rolloutpilot.core.analysis.stats.TwoSampleComparator;

/**
 * The per-metric decision: error, no data, too few samples, guardrail, then a
 * regression only when it is both significant (p &lt; α) and larger than the margin, a PASS only when
 * the one-sided bound shows non-inferiority within the margin, and INCONCLUSIVE otherwise — a wide
 * interval is never a pass.
 */
public final class MetricDecider {
  private final TwoSampleComparator comparator;
  private final ResultAssembler assembler = new ResultAssembler();
  private final Directional directional = new Directional();

  public MetricDecider(TwoSampleComparator comparator) {
    this.comparator = comparator;
  }

  public MetricResult decide(MetricData data, DecisionSettings settings) {
    try {
      return InfiniteSamples.review(data, decideUnsafe(data, settings));
    } catch (RuntimeException e) {
      return assembler.without(data, MetricVerdict.ERROR, "judge failed: " + e.getMessage());
    }
  }

  private MetricResult decideUnsafe(MetricData data, DecisionSettings settings) {
    MetricSpec metric = data.metric();
    if (data.failed()) {
      return assembler.without(data, MetricVerdict.ERROR, data.error());
    }
    if (data.canary().count() == 0 || data.baseline().count() == 0) {
      String group = data.canary().count() == 0 ? "canary" : "baseline";
      if (metric.mustHaveData()) {
        return assembler.without(data, Directional.badVerdict(metric.direction()),
            "missing data: no " + group + " samples and mustHaveData is set");
      }
      return assembler.without(data, MetricVerdict.NO_DATA, "no " + group
          + " samples in the window; is it receiving traffic, and does the query match its series?");
    }
    MetricResult tooFew = insufficient(data);
    if (tooFew != null) {
      return tooFew;
    }
    double aggregate = canaryAggregate(data);
    MetricVerdict guard = Directional.guardrail(metric, aggregate);
    if (guard != null) {
      return assembler.guardrail(data, guard, aggregate);
    }
    double alphaPerSide = metric.direction().alphaPerSide(settings.effectiveAlpha());
    Comparison comparison = comparator.compare(data.canary().values(), data.baseline().values(), alphaPerSide,
        settings.autocorrelation(), data.baselineHistory().rho());
    double margin = metric.margin().resolve(comparison.baseline().median());
    CountTestResult counts = countTest(data);
    Judgement judgement = directional.judge(metric.direction(), comparison, counts, margin, alphaPerSide,
        settings.interim());
    return assembler.compared(data, judgement, comparison, counts, aggregate, margin);
  }

  private MetricResult insufficient(MetricData data) {
    MetricSpec metric = data.metric();
    int m = data.canary().count();
    int n = data.baseline().count();
    if (m < metric.minSamples() || n < metric.minSamples()) {
      return assembler.without(data, MetricVerdict.INSUFFICIENT_DATA, m + " canary and " + n
          + " baseline samples; " + metric.minSamples() + " per group are needed (minSamples)");
    }
    if (metric.kind() == MetricKind.RATIO) {
      double volume = Math.min(data.canary().denominatorTotal(), data.baseline().denominatorTotal());
      if (!(volume >= metric.minVolume()) || volume <= 0) {
        return assembler.without(data, MetricVerdict.INSUFFICIENT_DATA, String.format(
            "volume canary %.0f, baseline %.0f; %.0f per group are needed (minVolume)",
            data.canary().denominatorTotal(), data.baseline().denominatorTotal(), metric.minVolume()));
      }
    }
    return null;
  }

  /** Ratio of sums for ratios, median otherwise. */
  static double canaryAggregate(MetricData data) {
    if (data.metric().kind() == MetricKind.RATIO) {
      return data.canary().numeratorTotal() / data.canary().denominatorTotal();
    }
    double[] sorted = data.canary().values().clone();
    java.util.Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private static CountTestResult countTest(MetricData data) {
    if (data.metric().kind() != MetricKind.RATIO) {
      return null;
    }
    GroupSamples c = data.canary();
    GroupSamples b = data.baseline();
    if (!(c.numeratorTotal() >= 0 && c.numeratorTotal() <= c.denominatorTotal()
        && b.numeratorTotal() >= 0 && b.numeratorTotal() <= b.denominatorTotal())) {
      return null;
    }
    StepCounts steps = b.steps();
    Dispersion dispersion = DispersionEstimator.choose(PearsonDispersion.of(steps.numerators(),
        steps.denominators()), data.baselineHistory().dispersion());
    return CountTest.test(c.numeratorTotal(), c.denominatorTotal(), b.numeratorTotal(), b.denominatorTotal(),
        dispersion);
  }

  static boolean isEither(Direction direction) {
    return direction == Direction.EITHER;
  }
}
