package io.rolloutpilot.bench.analysis;

import java.util.Locale;

/**
 * The var/mean of the baseline's per-step error counts over every step of every run in the window, as
 * measured, beside the scenario's model value, and the mean dispersion factor our count test used.
 */
final class CountDispersion {
  private long steps;
  private double sum;
  private double sumOfSquares;

  void add(double[] perStepCounts) {
    for (double c : perStepCounts) {
      steps++;
      sum += c;
      sumOfSquares += c * c;
    }
  }

  void merge(CountDispersion other) {
    steps += other.steps;
    sum += other.sum;
    sumOfSquares += other.sumOfSquares;
  }

  double measured() {
    if (steps < 2 || sum == 0) {
      return Double.NaN;
    }
    double mean = sum / steps;
    double variance = (sumOfSquares - steps * mean * mean) / (steps - 1);
    return variance / mean;
  }

  String describe(Scenario scenario) {
    return String.format(Locale.ROOT, "baseline error counts per step: var/mean %.2f by the model, %.2f measured"
        + " over %d steps", ErrorCountModel.dispersion(scenario), measured(), steps);
  }
}
