package io.rolloutpilot.core.analysis.judge;

/** Samples in time order: epoch milliseconds and values (NaN and ±∞ allowed). */
public record TimeSeries(long[] times, double[] values) {
  public static final TimeSeries EMPTY = new TimeSeries(new long[0], new double[0]);

  public TimeSeries {
    if (times.length != values.length) {
      throw new IllegalArgumentException("times and values differ in length");
    }
  }

  public int size() {
    return times.length;
  }
}
