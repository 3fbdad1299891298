package io.rolloutpilot.bench.analysis;

/**
 * What our judge must show in a scenario, decided by the 95 % interval rather than by the point estimate,
 * so a goal cannot be met by the luck of a seed: a false-alarm goal holds when the interval's upper bound
 * is within the limit, a detection goal when its lower bound is.
 *
 * @param atMost true for a false FAILED ceiling, false for a detection floor
 * @param limit the share, e.g. 0.01
 * @param label what is measured, e.g. "false FAILED"
 */
record Goal(boolean atMost, double limit, String label) {
  static final Goal NONE = new Goal(true, Double.NaN, "extra, no goal");

  static Goal falseFailedAtMost(double limit) {
    return new Goal(true, limit, "false FAILED");
  }

  static Goal detectedAtLeast(double limit) {
    return new Goal(false, limit, "detected");
  }

  boolean met(WilsonInterval interval) {
    return atMost ? interval.upper() <= limit : interval.lower() >= limit;
  }

  /** For example "false FAILED <= 1%: met, upper 0.62% <= 1%". */
  String verdict(WilsonInterval interval) {
    if (Double.isNaN(limit)) {
      return label;
    }
    String bound = atMost ? "upper " + WilsonInterval.percent(interval.upper()) + "%"
        : "lower " + WilsonInterval.percent(interval.lower()) + "%";
    boolean met = met(interval);
    String relation = atMost ? (met ? "<=" : ">") : (met ? ">=" : "<");
    String limitText = WilsonInterval.percent(limit) + "%";
    return label + (atMost ? " <= " : " >= ") + limitText + ": " + (met ? "met" : "NOT met") + ", " + bound + " "
        + relation + " " + limitText;
  }
}
