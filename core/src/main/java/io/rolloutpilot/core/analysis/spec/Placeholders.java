package io.rolloutpilot.core.analysis.spec;

import io.rolloutpilot.core.error.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {{ name }}} placeholders in selectors and queries: listing, checking and substituting. */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");

  private Placeholders() {}

  public static Set<String> names(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** Checks that the template uses only allowed placeholders and at least one of the required ones. */
  static void check(String field, String template, Set<String> allowed, Set<String> requiredAny) {
    Set<String> used = names(template);
    for (String name : used) {
      if (!allowed.contains(name)) {
        throw new InvalidInputException(field, "unknown placeholder {{" + name + "}}; allowed: " + allowed);
      }
    }
    if (!requiredAny.isEmpty() && used.stream().noneMatch(requiredAny::contains)) {
      throw new InvalidInputException(field, "must contain " + String.join(" or ",
          requiredAny.stream().map(n -> "{{" + n + "}}").toList()) + " so canary and baseline are told apart");
    }
  }

  /** Checks that every placeholder of the template stands inside a quoted PromQL string (a label value). */
  static void checkQuoted(String field, String template) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      if (PromQlStrings.quoteAt(template, matcher.start()) == PromQlStrings.NONE) {
        throw new InvalidInputException(field, "{{" + matcher.group(1) + "}} must stand inside a quoted label"
            + " value, e.g. rollouts_pod_template_hash=\"{{" + matcher.group(1) + "}}\"");
      }
    }
  }

  /** Replaces every placeholder with its value as it is (PromQL fragments); one without a value is an error. */
  public static String resolve(String template, Map<String, String> values) {
    return substitute(template, values, false);
  }

  /**
   * Replaces every placeholder with its value escaped for the quoted PromQL string it stands in, so a label
   * value can never end the string and add PromQL of its own; a placeholder outside quotes is an error.
   */
  public static String resolveLabelValues(String template, Map<String, String> values) {
    return substitute(template, values, true);
  }

  private static String substitute(String template, Map<String, String> values, boolean labelValues) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new InvalidInputException("spec", "no value for placeholder {{" + name + "}}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(labelValues
          ? labelValue(template, matcher.start(), name, value) : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String labelValue(String template, int at, String name, String value) {
    char quote = PromQlStrings.quoteAt(template, at);
    String escaped = quote == PromQlStrings.NONE ? null : PromQlStrings.escape(quote, value);
    if (escaped == null) {
      throw new InvalidInputException("spec", "{{" + name + "}} must stand inside a quoted label value"
          + (quote == '`' ? " that can hold the value (a backquoted string cannot hold a backquote)" : ""));
    }
    return escaped;
  }
}
