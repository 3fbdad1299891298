package io.rolloutpilot.core.validation;

/**
 * Input that the engine refuses before it touches anything. The message names the field, the value
 * that was given and what would have been accepted, so a user can fix the call without reading code.
 */
public final class InvalidInputException extends IllegalArgumentException {
  private final String field;

  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
