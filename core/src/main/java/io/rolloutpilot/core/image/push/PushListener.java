package io.rolloutpilot.core.image.push;

/** Receives push progress; the engine never prints. Called from worker threads. */
@FunctionalInterface
public interface PushListener {
  void onEvent(PushEvent event);

  static PushListener none() {
    return event -> { };
  }
}
