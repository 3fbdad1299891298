package io.rolloutpilot.core.analysis;

/** Progress from a running analysis; each front end renders it its own way. The engine never prints. */
public interface AnalysisListener {
  AnalysisListener NONE = line -> { };

  void progress(String line);
}
