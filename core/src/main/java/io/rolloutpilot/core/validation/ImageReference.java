package io.rolloutpilot.core.validation;

import java.util.regex.Pattern;
import io.rolloutpilot.core.error.InvalidInputException;

/**
 * A container image reference as the OCI distribution spec and Docker accept it:
 * {@code [registry[:port]/]path[:tag][@algorithm:hex]}.
 */
public record ImageReference(String registry, String repository, String tag, String digest) {
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern HOST =
      Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
          + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");

  public static ImageReference parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "must not be empty; use e.g. registry.example.com/team/app:1.2.3");
    }
    String rest = text;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        throw invalid(field, text, "the digest '" + digest + "' must look like sha256:<64 hex digits>");
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(field, text, "the tag '" + tag + "' may hold letters, digits, '_', '.' and '-' (at most 128)");
      }
    }
    String registry = null;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
        if (!HOST.matcher(registry).matches()) {
          throw invalid(field, text, "the registry host '" + registry + "' is not a valid host[:port]");
        }
      }
    }
    if (rest.length() > 255 || !PATH.matcher(rest).matches()) {
      throw invalid(field, text, "the repository '" + rest + "' must be lowercase path components"
          + " separated by '/', each of letters, digits and single '.', '_', '__' or '-' separators");
    }
    return new ImageReference(registry, rest, tag, digest);
  }

  private static InvalidInputException invalid(String field, String text, String why) {
    return new InvalidInputException(field, "'" + text + "' is not a valid image reference: " + why);
  }

  @Override
  public String toString() {
    return (registry == null ? "" : registry + "/") + repository
        + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
