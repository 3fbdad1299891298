package io.rolloutpilot.core.analysis.spec;

/**
 * PromQL string literals, for putting a value inside one: {@code "…"} and {@code '…'} take backslash
 * escapes, {@code `…`} is raw and cannot hold a backquote. A value escaped for the literal it stands in
 * stays a label value whatever it contains.
 */
final class PromQlStrings {
  /** Outside any string literal. */
  static final char NONE = 0;

  private PromQlStrings() {}

  /** The quote of the string literal that {@code index} lies in, or {@link #NONE}. */
  static char quoteAt(String text, int index) {
    char quote = NONE;
    for (int i = 0; i < index; i++) {
      char c = text.charAt(i);
      if (quote == NONE && c == '#') {
        // a comment runs to the end of the line; quotes in it open nothing
        while (i + 1 < index && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (quote == NONE) {
        quote = c == '"' || c == '\'' || c == '`' ? c : NONE;
      } else if (c == '\\' && quote != '`') {
        i++;
      } else if (c == quote) {
        quote = NONE;
      }
    }
    return quote;
  }

  /** The value as it must be written inside a literal opened by {@code quote}; null when it cannot be. */
  static String escape(char quote, String value) {
    if (quote == '`') {
      return value.indexOf('`') < 0 ? value : null;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c == '\\' || c == quote) {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
