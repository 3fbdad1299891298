package io.rolloutpilot.core.error;

/**
 * What went wrong, in the terms a front end decides by: each front end maps a kind to its own outcome
 * (an exit code, a build result) in one table.
 */
public enum ErrorKind {
  /** The input was wrong (a name, a duration, a file, an option); nothing was changed. */
  BAD_INPUT,
  /** A named resource (rollout, container, revision, repository, run) does not exist. */
  NOT_FOUND,
  /** The credentials were refused, or are not allowed to do this. */
  UNAUTHORIZED,
  /** A server could not be reached, stalled, or kept failing after bounded retries. */
  UNREACHABLE,
  /** Someone else's change or an immutable resource stands in the way. */
  CONFLICT,
  /** The release itself failed: degraded, aborted, analysis failed, a gate refused, nothing to roll back to. */
  RELEASE_FAILED,
  /** The analysis could not decide either way. */
  ANALYSIS_INCONCLUSIVE,
  /** A defect of ours; the cause is kept for the stack trace. */
  INTERNAL
}
