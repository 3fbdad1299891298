package io.rolloutpilot.core.image.reference;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How image reference text is judged for credentials and shown in messages. */
final class ReferenceText {
  private static final int MAX_SHOWN = 80;
  /** What may follow the last '@' when it starts a digest: an algorithm, a ':', no '/' and no other '@'. */
  private static final Pattern DIGEST_SHAPE = Pattern.compile("(?i)([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([^/@]*)");
  private static final Pattern BARE_HEX = Pattern.compile("[a-fA-F0-9]{32,}");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  private ReferenceText() {}

  /**
   * True when the text has {@code user[:password]@} in front of a registry host: a '/' follows an '@'
   * (a digest never holds one), or what follows the last '@' is a bare host or a {@code host:port}
   * (an "algorithm" with a '.' or a numeric "digest"), never a digest such as {@code sha256:...}.
   */
  static boolean holdsUserInfo(String text) {
    int first = text.indexOf('@');
    if (first < 0) {
      return false;
    }
    if (text.indexOf('/', first) >= 0) {
      return true;
    }
    String last = text.substring(text.lastIndexOf('@') + 1);
    if (BARE_HEX.matcher(last).matches()) {
      return false; // a digest without its algorithm, not a host
    }
    Matcher digest = DIGEST_SHAPE.matcher(last);
    if (!digest.matches()) {
      return true;
    }
    String algorithm = digest.group(1);
    return algorithm.contains(".") || algorithm.equalsIgnoreCase("localhost") || PORT.matcher(digest.group(2)).matches();
  }

  /** A part of the input for a message: control characters escaped, shortened to what a line can hold. */
  static String show(String part) {
    if (part == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int end = Math.min(part.length(), MAX_SHOWN);
    for (int i = 0; i < end; i++) {
      char c = part.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return part.length() > MAX_SHOWN ? out + "... (" + part.length() + " characters)" : out.toString();
  }
}
