package io.rolloutpilot.core.image.reference;

import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import java.util.regex.Pattern;

/**
 * A container image reference in the grammar of the OCI distribution spec, as Docker accepts it:
 * {@code [host[:port]/]path[:tag][@algorithm:encoded]}. This is the one parser for every image a
 * user names (a push's source and destination, a deploy's image), and it refuses before any request
 * what a registry or a cluster would refuse later, or worse, accept: ports outside 1-65535, empty or
 * uppercase path components, names over 255 characters, tags over 128, digests that are not sha256
 * (64 lowercase hex digits) or sha512 (128), and credentials typed in front of the host.
 *
 * <p>Messages quote only the part at fault, shortened and with control characters escaped, and never
 * the whole text when it holds an {@code @}, which is where a password typed by mistake would be.
 */
public record ImageReference(String registry, String repository, String tag, String digest) {
  /** The longest a valid reference can be (name, tag and sha512 digest), with room to spare. */
  static final int MAX_TEXT = 1024;
  /** Registry host, {@code /} and path together, as distribution limits a repository name. */
  static final int MAX_NAME = 255;
  private static final String COMPONENT_TEXT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern COMPONENT = Pattern.compile(COMPONENT_TEXT);
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern LOWERCASE = Pattern.compile("[a-z0-9._/-]*");

  public static ImageReference parse(String field, String text) {
    requireSafeText(field, text);
    String shown = text.contains("@") ? "the reference" : "'" + ReferenceText.show(text) + "'";
    if (text.contains("://")) {
      throw invalid(field, shown, "a reference has no scheme; write registry.example.com/team/app, not a URL");
    }
    String rest = text;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = ReferenceDigests.require(field, shown, rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = requireTag(field, shown, rest.substring(colon + 1));
      rest = rest.substring(0, colon);
    }
    String registry = null;
    int slash = rest.indexOf('/');
    if (slash > 0 && isHost(rest.substring(0, slash))) {
      registry = RegistryHosts.require(field, shown, rest.substring(0, slash));
      rest = rest.substring(slash + 1);
    }
    requirePath(field, shown, registry, rest);
    return new ImageReference(registry, rest, tag, digest);
  }

  /** Checked before anything else, so nothing later can quote a password or a megabyte of input. */
  private static void requireSafeText(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "must not be empty; use e.g. registry.example.com/team/app:1.2.3");
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException(field, "is " + text.length() + " characters long; an image reference is a"
          + " name of at most " + MAX_NAME + " characters, a tag of at most 128 and a digest");
    }
    if (ReferenceText.holdsUserInfo(text)) {
      throw new InvalidInputException(new Details(field, "holds credentials in front of the registry host"
          + " (user:password@); credentials do not belong in an image reference, so it is refused and not"
          + " repeated here", Hint.CREDENTIALS_NOT_IN_REFERENCE, null));
    }
  }

  /** A tag as the distribution spec allows it: {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}. */
  public static String requireTag(String field, String tag) {
    return requireTag(field, null, tag);
  }

  private static String requireTag(String field, String shown, String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      String rule = "use letters, digits, '_', '.' and '-', not starting with '.' or '-', at most 128 characters";
      String quoted = "'" + ReferenceText.show(tag) + "'";
      throw shown == null ? new InvalidInputException(field, quoted + " is not a valid tag: " + rule)
          : invalid(field, shown, "the tag " + quoted + " is not valid: " + rule);
    }
    return tag;
  }

  /** Docker's rule: the first component names a registry when it has a '.' or a ':', or is localhost. */
  private static boolean isHost(String first) {
    return first.contains(".") || first.contains(":") || first.equals("localhost");
  }

  private static void requirePath(String field, String shown, String registry, String path) {
    int length = (registry == null ? 0 : registry.length() + 1) + path.length();
    if (length > MAX_NAME) {
      throw invalid(field, shown, "the name (registry and repository) is " + length + " characters long; at"
          + " most " + MAX_NAME + " are allowed");
    }
    if (path.isEmpty()) {
      throw invalid(field, shown, "it names no repository; use e.g. registry.example.com/team/app");
    }
    String[] components = path.split("/", -1);
    for (String component : components) {
      if (component.isEmpty()) {
        throw invalid(field, shown, "the repository '" + ReferenceText.show(path) + "' has an empty path component"
            + " (a '/' at the start or end, or two in a row)");
      }
      if (!COMPONENT.matcher(component).matches()) {
        throw invalid(field, shown, "the repository's path component '" + ReferenceText.show(component) + "' is"
            + " not valid: " + (LOWERCASE.matcher(component).matches() ? "" : "use lowercase; ")
            + "each component is letters and digits joined by single '.', '_', '__' or '-' separators");
      }
    }
  }

  /** @param shown how to name the whole reference: quoted, or "the reference" when it may hold a secret */
  static InvalidInputException invalid(String field, String shown, String why) {
    return new InvalidInputException(field, shown + " is not a valid image reference: " + why);
  }

  @Override
  public String toString() {
    return (registry == null ? "" : registry + "/") + repository
        + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
