package io.rolloutpilot.core.analysis.spec;

/** An absolute SLO bound on the canary's aggregate, checked whatever the baseline does; null = unbounded. */
public record Guardrail(Double min, Double max) {
  public static final Guardrail NONE = new Guardrail(null, null);

  public boolean isSet() {
    return min != null || max != null;
  }

  public boolean aboveMax(double value) {
    return max != null && value > max;
  }

  public boolean belowMin(double value) {
    return min != null && value < min;
  }

  public String describe() {
    if (!isSet()) {
      return "none";
    }
    return (min != null ? "min " + min : "") + (min != null && max != null ? ", " : "") + (max != null ? "max " + max : "");
  }
}
