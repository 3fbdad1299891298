package io.rolloutpilot.core.image.oci;

/**
 * The registry (or the way to it) failed the push: unreachable, unauthorized, denied, missing
 * repository, a conflicting tag. Carries the registry's own error code and a hint for the user; the
 * message names the request by method and path only, never headers, credentials or query strings.
 */
public class RegistryException extends RuntimeException {
  private final int status;
  private final String errorCode;
  private final String hint;

  public RegistryException(int status, String errorCode, String message, String hint) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.hint = hint;
  }

  public RegistryException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.errorCode = null;
    this.hint = hint;
  }

  /** The HTTP status, 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** The registry's error code ({@code NAME_UNKNOWN}, {@code TAG_INVALID}, {@code DENIED}...), or null. */
  public String errorCode() {
    return errorCode;
  }

  /** What the user can do about it, or null. */
  public String hint() {
    return hint;
  }

  public boolean retryable() {
    return status == 429 || status >= 500;
  }
}
