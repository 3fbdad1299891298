package io.rolloutpilot.core.analysis;

/**
 * Our own deadline passed while the analysis waited for a server. It unwinds the analysis to the judge,
 * which turns it into a TIMED_OUT verdict; it never leaves the engine.
 */
public final class DeadlineReached extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param during what was being waited for, e.g. "waiting for Prometheus (query_range)" */
  public DeadlineReached(String during) {
    super(during, null, false, false);
  }
}
