package io.rolloutpilot.bench.analysis;

/**
 * The var/mean of the baseline's per-step error counts that a scenario's generator produces, worked out
 * from its parts so the bench can print what it meant beside what it measured. Requests per step are
 * Poisson(λ); the error rate p is multiplied by a log-normal drift (log-sd {@link SyntheticSeries#RATE_DRIFT},
 * mean 1) and, when overdispersed, by an independent Gamma(k, 1/k) factor; errors are Poisson given both.
 * With M the product of the factors (E[M] = 1): Var(e)/E[e] = 1 + p·((1 + λ)·E[M²] − λ).
 */
final class ErrorCountModel {
  private ErrorCountModel() {}

  static double dispersion(Scenario s) {
    return dispersion(requestsPerStep(s), s.baselineErrorRatio(), s.errorGammaShape());
  }

  private static double dispersion(double lambda, double p, double gammaShape) {
    return 1 + p * ((1 + lambda) * secondMoment(gammaShape) - lambda);
  }

  /** The gamma shape that brings the baseline's per-step counts to var/mean {@code dispersion}. */
  static double gammaShapeFor(Scenario s, double dispersion) {
    double lambda = requestsPerStep(s);
    double wanted = (lambda + (dispersion - 1) / s.baselineErrorRatio()) / (1 + lambda);
    double fromGamma = wanted / driftSecondMoment() - 1;
    if (!(fromGamma > 0)) {
      throw new IllegalArgumentException("dispersion " + dispersion + " is below what the drift alone gives ("
          + dispersion(lambda, s.baselineErrorRatio(), Double.POSITIVE_INFINITY) + ")");
    }
    return 1 / fromGamma;
  }

  private static double requestsPerStep(Scenario s) {
    return s.requestsPerSecond() * s.stepSeconds();
  }

  private static double secondMoment(double gammaShape) {
    return driftSecondMoment() * (Double.isFinite(gammaShape) ? 1 + 1 / gammaShape : 1);
  }

  /** E[exp(2(σZ − σ²/2))] = exp(σ²). */
  private static double driftSecondMoment() {
    return Math.exp(SyntheticSeries.RATE_DRIFT * SyntheticSeries.RATE_DRIFT);
  }
}
