package io.rolloutpilot.cli.common;

import io.rolloutpilot.core.error.InvalidInputException;

/** {@code -o text|json}: text for people, one JSON document on stdout for scripts. */
public enum OutputFormat {
  TEXT, JSON;

  public static OutputFormat parse(String text) {
    if ("text".equals(text)) {
      return TEXT;
    }
    if ("json".equals(text)) {
      return JSON;
    }
    throw new InvalidInputException("output", "'" + text + "' is not an output format; use text or json");
  }
}
