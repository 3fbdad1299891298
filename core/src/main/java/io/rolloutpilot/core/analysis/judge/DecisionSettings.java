package io.rolloutpilot.core.analysis.judge;

/**
 * How strictly a look decides. The final look at the end of a window decides fully at α; an interim
 * look may only find regressions, at α/10 (guardrails at any look).
 */
public record DecisionSettings(double alpha, boolean autocorrelation, boolean interim) {
  public static final double FAST_ALPHA_DIVISOR = 10;

  public double effectiveAlpha() {
    return interim ? alpha / FAST_ALPHA_DIVISOR : alpha;
  }
}
