package io.rolloutpilot.core.analysis.stats;

/**
 * Pearson's X² of per-interval event counts around one rate common to all intervals, the basis of the
 * quasi-binomial dispersion estimate: X² = Σ (e_i − n_i·p̂)² / (n_i·p̂·(1 − p̂)) with p̂ = Σe/Σn, on
 * k − 1 degrees of freedom for the k intervals with traffic. Were the events binomial (Poisson for a
 * small p̂), X²/df would be about 1; errors that arrive in bursts make it larger. Segments (the window,
 * the history before it) are measured each around its own rate and then added, so a rate that moved
 * between them does not pass for dispersion.
 *
 * @param intervals the intervals with traffic that were measured
 */
public record PearsonDispersion(double chiSquare, int degreesOfFreedom, int intervals) {
  public static final PearsonDispersion NONE = new PearsonDispersion(0, 0, 0);

  /**
   * @param events the events (errors) of each interval
   * @param totals the trials (requests) of each interval; intervals without any are skipped
   */
  public static PearsonDispersion of(double[] events, double[] totals) {
    if (events.length != totals.length) {
      throw new IllegalArgumentException("one total per event count");
    }
    double eventSum = 0;
    double totalSum = 0;
    int intervals = 0;
    for (int i = 0; i < totals.length; i++) {
      if (counts(events[i], totals[i])) {
        eventSum += events[i];
        totalSum += totals[i];
        intervals++;
      }
    }
    // No events (or nothing but events) says nothing about how they spread.
    if (intervals < 2 || eventSum <= 0 || eventSum >= totalSum) {
      return new PearsonDispersion(0, 0, intervals);
    }
    double rate = eventSum / totalSum;
    double chiSquare = 0;
    for (int i = 0; i < totals.length; i++) {
      if (counts(events[i], totals[i])) {
        double expected = totals[i] * rate;
        double deviation = events[i] - expected;
        chiSquare += deviation * deviation / (expected * (1 - rate));
      }
    }
    return new PearsonDispersion(chiSquare, intervals - 1, intervals);
  }

  private static boolean counts(double events, double total) {
    return total > 0 && Double.isFinite(total) && events >= 0 && events <= total;
  }

  /** Both segments' evidence together (each measured around its own rate). */
  public PearsonDispersion plus(PearsonDispersion other) {
    return new PearsonDispersion(chiSquare + other.chiSquare, degreesOfFreedom + other.degreesOfFreedom,
        intervals + other.intervals);
  }

  /** X²/df, the dispersion estimate; NaN without degrees of freedom. */
  public double estimate() {
    return degreesOfFreedom == 0 ? Double.NaN : chiSquare / degreesOfFreedom;
  }
}
