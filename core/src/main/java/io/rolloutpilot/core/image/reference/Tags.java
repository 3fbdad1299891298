package io.rolloutpilot.core.image.reference;

import io.rolloutpilot.core.error.InvalidInputException;
import java.util.regex.Pattern;

/** Tag syntax of the OCI distribution spec: {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}. */
public final class Tags {
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private Tags() {}

  public static String require(String field, String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      throw new InvalidInputException(field, "'" + tag + "' is not a valid tag: use letters, digits, '_', '.' and"
          + " '-', not starting with '.' or '-', at most 128 characters");
    }
    return tag;
  }
}
