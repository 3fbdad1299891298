package io.rolloutpilot.core.analysis;

import java.time.Duration;

/** Waiting, injectable so tests do not sleep. */
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}
