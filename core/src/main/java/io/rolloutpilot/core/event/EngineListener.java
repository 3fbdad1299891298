package io.rolloutpilot.core.event;

/**
 * Receives an operation's events; given to each engine call, so concurrent operations in one host
 * (a Jenkins controller) report to their own builds. Called from the engine's threads: keep it quick
 * and never block.
 */
@FunctionalInterface
public interface EngineListener {
  EngineListener NONE = event -> { };

  void on(EngineEvent event);
}
