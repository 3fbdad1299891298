package io.rolloutpilot.core.image.ecr;

/** The scan found more than the gate allows: the image is pushed but must not be released (exit 1). */
public final class ScanGateFailedException extends RuntimeException {
  private final transient EcrPushResult result;

  public ScanGateFailedException(EcrPushResult result) {
    super("the scan of " + result.push().imageRef() + " exceeds the gate for " + result.scan().exceeded()
        + ": counts " + result.scan().counts() + (result.scan().worstFindings().isEmpty() ? ""
        : "; worst: " + String.join("; ", result.scan().worstFindings())));
    this.result = result;
  }

  /** The push (complete) and the failing scan. */
  public EcrPushResult result() {
    return result;
  }
}
