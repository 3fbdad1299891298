package io.rolloutpilot.core.rollout.follow;

/**
 * How the engine reports progress without printing: each front end renders events its own way
 * (stderr lines in the CLI, console lines in Jenkins). Called from the watch thread; keep it quick.
 */
public interface ProgressListener {
  void onProgress(ProgressEvent event);

  /** Something worth telling the user that is not a state change (a reconnect, a grace period starting). */
  default void onNotice(String text) {}

  ProgressListener NONE = event -> {};
}
