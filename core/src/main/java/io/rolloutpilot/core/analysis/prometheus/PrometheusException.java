package io.rolloutpilot.core.analysis.prometheus;

/**
 * A failed Prometheus request. {@code retryable} is true for faults that may pass (connection errors,
 * timeouts, 429, 5xx); configuration errors (400, 422, 401, 403) are not. The message carries the
 * HTTP status, the error type and Prometheus' error text, never credentials.
 */
public final class PrometheusException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorType;
  private final boolean retryable;

  public PrometheusException(int status, String errorType, String message, boolean retryable) {
    super(message);
    this.status = status;
    this.errorType = errorType;
    this.retryable = retryable;
  }

  /** HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  public String errorType() {
    return errorType;
  }

  public boolean retryable() {
    return retryable;
  }
}
