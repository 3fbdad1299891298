package io.rolloutpilot.core.analysis.spec;

import io.rolloutpilot.core.error.InvalidInputException;
import java.util.Set;

/** Reads one entry of {@code metrics:} with its defaults. */
final class MetricSpecParser {
  static final int DEFAULT_MIN_SAMPLES = 20;
  private static final Set<String> KEYS = Set.of("name", "kind", "query", "numerator", "denominator", "direction",
      "margin", "absolute", "minSamples", "minVolume", "nan", "critical", "mustHaveData", "group");
  private static final Set<String> MARGIN = Set.of("absolute", "ratio");
  private static final Set<String> ABSOLUTE = Set.of("min", "max");

  MetricSpec parse(YamlNode node, boolean podSelectors) {
    node.onlyKeys(KEYS);
    String name = node.string("name");
    if (!name.matches("[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?")) {
      throw new InvalidInputException(node.child("name"), "'" + name + "' must be letters, digits, '-', '_' or '.'");
    }
    MetricKind kind = node.choice("kind", MetricKind.class, node.has("numerator") ? MetricKind.RATIO : MetricKind.QUERY);
    String query = kind == MetricKind.QUERY ? node.string("query") : null;
    String numerator = kind == MetricKind.RATIO ? node.string("numerator") : null;
    String denominator = kind == MetricKind.RATIO ? node.string("denominator") : null;
    rejectOther(node, kind);
    Set<String> allowed = podSelectors ? Set.of("selector", "podSelector", "step") : Set.of("selector", "step");
    Set<String> required = podSelectors ? Set.of("selector", "podSelector") : Set.of("selector");
    for (String key : kind == MetricKind.QUERY ? new String[] {"query"} : new String[] {"numerator", "denominator"}) {
      Placeholders.check(node.child(key), node.string(key), allowed, required);
    }
    double minVolume = node.number("minVolume", 0);
    if (minVolume != 0 && kind != MetricKind.RATIO) {
      throw new InvalidInputException(node.child("minVolume"), "applies to kind: ratio only (the denominator total)");
    }
    if (minVolume < 0) {
      throw new InvalidInputException(node.child("minVolume"), "must not be negative");
    }
    return new MetricSpec(name, kind, query, numerator, denominator,
        node.choice("direction", Direction.class, Direction.INCREASE), margin(node), guardrail(node),
        node.integer("minSamples", DEFAULT_MIN_SAMPLES), minVolume, node.choice("nan", NanPolicy.class, NanPolicy.DROP),
        node.bool("critical", false), node.bool("mustHaveData", false), node.string("group", "default"));
  }

  private static void rejectOther(YamlNode node, MetricKind kind) {
    String stray = kind == MetricKind.QUERY ? (node.has("numerator") ? "numerator" : node.has("denominator") ? "denominator" : null)
        : node.has("query") ? "query" : null;
    if (stray != null) {
      throw new InvalidInputException(node.child(stray), "does not go with kind: " + kind.name().toLowerCase()
          + " (use query for kind: query, numerator and denominator for kind: ratio)");
    }
  }

  private static Margin margin(YamlNode node) {
    if (!node.has("margin")) {
      return Margin.ratio(0.10);
    }
    YamlNode margin = node.object("margin");
    margin.onlyKeys(MARGIN);
    Double absolute = margin.optionalNumber("absolute");
    Double ratio = margin.optionalNumber("ratio");
    if ((absolute == null) == (ratio == null)) {
      throw new InvalidInputException(margin.path(), "set exactly one of absolute or ratio");
    }
    double value = absolute != null ? absolute : ratio;
    if (value < 0 || Double.isNaN(value)) {
      throw new InvalidInputException(margin.child(absolute != null ? "absolute" : "ratio"), "must not be negative");
    }
    return new Margin(absolute, ratio);
  }

  private static Guardrail guardrail(YamlNode node) {
    if (!node.has("absolute")) {
      return Guardrail.NONE;
    }
    YamlNode absolute = node.object("absolute");
    absolute.onlyKeys(ABSOLUTE);
    Guardrail guardrail = new Guardrail(absolute.optionalNumber("min"), absolute.optionalNumber("max"));
    if (!guardrail.isSet()) {
      throw new InvalidInputException(absolute.path(), "set min, max or both");
    }
    if (guardrail.min() != null && guardrail.max() != null && guardrail.min() > guardrail.max()) {
      throw new InvalidInputException(absolute.child("min"), "is above max; no canary could pass");
    }
    return guardrail;
  }
}
