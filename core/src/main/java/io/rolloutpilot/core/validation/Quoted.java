package io.rolloutpilot.core.validation;

/**
 * A value echoed back in a message, quoted so that it cannot pass for the message's own words: line breaks
 * and other control characters are shown escaped (a value with a newline could otherwise print a line that
 * looks like a verdict) and a long value is cut. Only for values that are never secrets.
 */
public final class Quoted {
  private static final int MAX_CHARS = 80;

  private Quoted() {}

  public static String of(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("'");
    int end = Math.min(value.length(), MAX_CHARS);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append(value.length() > MAX_CHARS ? "…'" : "'").toString();
  }
}
