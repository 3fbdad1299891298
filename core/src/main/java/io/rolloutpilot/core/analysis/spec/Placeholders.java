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

  /** Replaces every placeholder; one without a value is an error naming it. */
  public static String resolve(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new InvalidInputException("spec", "no value for placeholder {{" + matcher.group(1) + "}}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
