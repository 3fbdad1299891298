package io.rolloutpilot.core.validation;

import java.util.regex.Pattern;
import io.rolloutpilot.core.error.InvalidInputException;

/** Kubernetes object-name rules, checked before any request so bad input changes nothing. */
public final class Names {
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private Names() {}

  /** Namespaces and container names are DNS-1123 labels: at most 63 characters. */
  public static String requireLabel(String field, String value) {
    requirePresent(field, value);
    if (value.length() > 63 || !DNS1123_LABEL.matcher(value).matches()) {
      throw new InvalidInputException(field, "'" + value + "' is not a valid name; use at most 63 lowercase"
          + " letters, digits and '-', starting and ending with a letter or digit (DNS-1123 label)");
    }
    return value;
  }

  /** Rollout names are DNS-1123 subdomains: at most 253 characters. */
  public static String requireSubdomain(String field, String value) {
    requirePresent(field, value);
    if (value.length() > 253 || !DNS1123_SUBDOMAIN.matcher(value).matches()) {
      throw new InvalidInputException(field, "'" + value + "' is not a valid name; use at most 253 lowercase"
          + " letters, digits, '-' and '.', each part starting and ending with a letter or digit"
          + " (DNS-1123 subdomain)");
    }
    return value;
  }

  private static void requirePresent(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException(field, "must not be empty");
    }
  }
}
