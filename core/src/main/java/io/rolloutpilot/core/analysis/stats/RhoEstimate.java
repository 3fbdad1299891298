package io.rolloutpilot.core.analysis.stats;

/**
 * The ρ the evidence was deflated by, the estimate it was derived from and where that came from, so the page
 * can explain it.
 *
 * @param rho the ρ used: the estimate's upper {@link ConfidenceBounds} bound (0 when off)
 * @param estimate the point estimate ρ̂, clamped to [0, 0.95]
 * @param samples how many samples the estimate rests on (history length, or canary + baseline in window)
 */
public record RhoEstimate(double rho, double estimate, Source source, int samples) {
  public static final RhoEstimate OFF = new RhoEstimate(0, 0, Source.OFF, 0);

  /** Where ρ̂ was estimated. */
  public enum Source {
    OFF("off"),
    IN_WINDOW("in window"),
    BASELINE_HISTORY("baseline history");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The estimate from {@code samples} samples, used at its upper bound. */
  static RhoEstimate bounded(double estimate, Source source, int samples) {
    return new RhoEstimate(ConfidenceBounds.rho(estimate, samples), estimate, source, samples);
  }

  /** For example "baseline history, 60 samples" or "in window, 40 samples". */
  public String describe() {
    return source == Source.OFF ? source.label() : source.label() + ", " + samples + " samples";
  }
}
