package io.rolloutpilot.cli;

/** The process exit codes of DESIGN.md, the contract pipelines script against. */
public final class ExitCodes {
  /** The command did what was asked; a followed release reached its target. */
  public static final int OK = 0;
  /** The release failed: Degraded, aborted, timed out or deleted while followed. */
  public static final int RELEASE_FAILED = 1;
  /** Bad input: usage errors and validation of names, durations, images, choices. */
  public static final int BAD_INPUT = 2;
  /** The environment failed us: unreachable, unauthorized, forbidden, not found. */
  public static final int ENVIRONMENT = 3;

  private ExitCodes() {}
}
