package io.rolloutpilot.cli.common;

import io.rolloutpilot.core.error.ErrorKind;

/** The process exit codes, the contract pipelines script against; one table maps the engine's error kinds to them. */
public final class ExitCodes {
  /** The command did what was asked; a followed release reached its target; the analysis passed. */
  public static final int OK = 0;
  /** The release failed: Degraded, aborted, timed out, deleted, analysis FAILED, a gate refused, nothing to roll back to. */
  public static final int RELEASE_FAILED = 1;
  /** Bad input: usage errors and validation of names, durations, images, files and choices; nothing was changed. */
  public static final int BAD_INPUT = 2;
  /** The environment failed us: unreachable, unauthorized, forbidden, not found, conflict, analysis ERROR. */
  public static final int ENVIRONMENT = 3;
  /** The analysis was INCONCLUSIVE: a person decides. */
  public static final int INCONCLUSIVE = 4;
  /** A defect of rollout-pilot itself; run again with --stacktrace and report it. */
  public static final int INTERNAL = 70;
  /** Interrupted (Ctrl-C), as shells report a process ended by SIGINT. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}

  public static int of(ErrorKind kind) {
    return switch (kind) {
      case BAD_INPUT -> BAD_INPUT;
      case NOT_FOUND, UNAUTHORIZED, UNREACHABLE, CONFLICT -> ENVIRONMENT;
      case RELEASE_FAILED -> RELEASE_FAILED;
      case ANALYSIS_INCONCLUSIVE -> INCONCLUSIVE;
      case INTERNAL -> INTERNAL;
    };
  }
}
