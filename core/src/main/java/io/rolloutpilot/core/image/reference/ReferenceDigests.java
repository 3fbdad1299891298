package io.rolloutpilot.core.image.reference;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The digest of an image reference, {@code algorithm:encoded}: the registered algorithms only, each
 * with its exact length of lowercase hex, as registries compare digests byte for byte.
 */
final class ReferenceDigests {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");
  private static final Map<String, Integer> HEX_LENGTHS = Map.of("sha256", 64, "sha512", 128);
  private static final Pattern LOWER_HEX = Pattern.compile("[a-f0-9]+");

  private ReferenceDigests() {}

  static String require(String field, String shown, String digest) {
    String quoted = "the digest '" + ReferenceText.show(digest) + "'";
    int colon = digest.indexOf(':');
    if (colon < 0 || !SHAPE.matcher(digest.toLowerCase(Locale.ROOT)).matches()) {
      throw ImageReference.invalid(field, shown, quoted + " is not algorithm:hex, e.g. sha256:<64 hex digits>");
    }
    String algorithm = digest.substring(0, colon);
    String encoded = digest.substring(colon + 1);
    Integer length = HEX_LENGTHS.get(algorithm);
    if (length == null) {
      throw ImageReference.invalid(field, shown, quoted + " uses the algorithm '" + ReferenceText.show(algorithm)
          + "'; registries accept sha256 (64 hex digits) and sha512 (128), in lowercase");
    }
    if (!LOWER_HEX.matcher(encoded).matches()) {
      throw ImageReference.invalid(field, shown, quoted + " must be lowercase hex digits (0-9, a-f) after '"
          + algorithm + ":'");
    }
    if (encoded.length() != length) {
      throw ImageReference.invalid(field, shown, quoted + " has " + encoded.length() + " hex digits; a "
          + algorithm + " digest has " + length);
    }
    return digest;
  }
}
