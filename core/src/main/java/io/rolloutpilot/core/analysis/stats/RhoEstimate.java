package io.rolloutpilot.core.analysis.stats;

/**
 * The ρ̂ the evidence was deflated by and where it came from, so the page can explain it.
 *
 * @param samples how many samples the estimate rests on (history length, or canary + baseline in window)
 */
public record RhoEstimate(double rho, Source source, int samples) {
  public static final RhoEstimate OFF = new RhoEstimate(0, Source.OFF, 0);

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

  /** For example "baseline history, 60 samples" or "in window, 40 samples". */
  public String describe() {
    return source == Source.OFF ? source.label() : source.label() + ", " + samples + " samples";
  }
}
