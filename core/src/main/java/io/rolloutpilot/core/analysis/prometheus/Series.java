package io.rolloutpilot.core.analysis.prometheus;

import io.rolloutpilot.core.analysis.judge.TimeSeries;
import java.util.Map;

/** One series of a vector or matrix result: its labels and samples in time order. */
public record Series(Map<String, String> labels, TimeSeries samples) {
  public Series {
    labels = Map.copyOf(labels);
  }
}
