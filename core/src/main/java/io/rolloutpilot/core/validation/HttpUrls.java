package io.rolloutpilot.core.validation;

import io.rolloutpilot.core.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Base URLs of HTTP APIs we call (Prometheus): {@code http} or {@code https}, a host, a port in 1–65535
 * when one is given, an optional path, and nothing else. User info is refused, since a secret belongs in
 * an environment variable and not in a URL that ends up in logs; a query or fragment would be cut off
 * when API paths are appended. A refused URL is echoed only without its user info, so a password typed
 * into it is never printed.
 */
public final class HttpUrls {
  private HttpUrls() {}

  /** The URL without a trailing slash, ready for API paths to be appended. */
  public static URI parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "must not be empty; give an http(s) URL such as http://prometheus:9090");
    }
    String trimmed = text.strip();
    URI uri;
    try {
      uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(field, shown(trimmed) + " is not a URL (" + e.getReason() + ")");
    }
    check(field, uri, trimmed);
    return uri;
  }

  /** Checks a URL built elsewhere by the same rules. */
  public static void check(String field, URI uri) {
    check(field, uri, uri.toString());
  }

  private static void check(String field, URI uri, String text) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidInputException(field, shown(text) + " is not an http(s) URL such as http://prometheus:9090");
    }
    if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
      throw new InvalidInputException(field, "must not carry user info (" + shown(text) + "); give credentials"
          + " through environment variables");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidInputException(field, shown(text) + " has no host (or a malformed one)");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw new InvalidInputException(field, shown(text) + " has port " + uri.getPort() + "; ports are 1 to 65535");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidInputException(field, shown(text) + " has a query or fragment; give the base URL only");
    }
  }

  /**
   * The text as it may be printed: whatever precedes the last {@code @} of the authority (user info, with
   * or without a scheme) is masked, whether or not the text parses.
   */
  static String shown(String text) {
    int authorityStart = text.indexOf("://") < 0 ? 0 : text.indexOf("://") + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < text.length() && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    int at = text.lastIndexOf('@', authorityEnd - 1);
    String safe = at < authorityStart ? text
        : text.substring(0, authorityStart) + "***" + text.substring(at);
    return Quoted.of(safe);
  }
}
