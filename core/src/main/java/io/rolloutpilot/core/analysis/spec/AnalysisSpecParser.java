package io.rolloutpilot.core.analysis.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolloutpilot.core.error.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an analysis spec file (YAML) and validates all of it before anything is queried: unknown keys,
 * missing or unknown placeholders and impossible settings are {@link InvalidInputException}s that name
 * the field (CLI exit 2).
 */
public final class AnalysisSpecParser {
  private static final Set<String> TOP = Set.of("prometheus", "window", "selectors", "alpha", "autocorrelation",
      "scoring", "metrics");
  private static final Set<String> WINDOW = Set.of("warmup", "duration", "step", "evaluateEvery", "rhoHistory");
  private static final Set<String> SELECTORS = Set.of("canary", "baseline", "canaryPods", "baselinePods");
  private static final Set<String> SCORING = Set.of("pass", "marginal", "groupWeights", "allowInconclusive");

  private final SpecYaml yaml = new SpecYaml();
  private final MetricSpecParser metricParser = new MetricSpecParser();
  private final PrometheusSpecParser prometheusParser = new PrometheusSpecParser();
  private final SpecRules rules = new SpecRules();

  /** Reads the file first: only a regular file of reasonable size is read (see {@link SpecFile}). */
  public AnalysisSpec parse(Path file) {
    return parse(SpecFile.read(file));
  }

  public AnalysisSpec parse(String text) {
    JsonNode root = yaml.read(text);
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidInputException("spec", "is empty");
    }
    YamlNode top = new YamlNode(root, "spec");
    top.onlyKeys(TOP);
    Optional<PrometheusSpec> prometheus = top.has("prometheus") ? Optional.of(prometheusParser.parse(top.object("prometheus")))
        : Optional.empty();
    WindowSpec window = window(top.object("window"));
    Selectors selectors = selectors(top.object("selectors"));
    double alpha = top.number("alpha", 0.01);
    ScoringSpec scoring = top.has("scoring") ? scoring(top.object("scoring")) : ScoringSpec.defaults();
    List<MetricSpec> metrics = new ArrayList<>();
    boolean podSelectors = selectors.canaryPods() != null;
    for (YamlNode item : top.list("metrics")) {
      metrics.add(metricParser.parse(item, podSelectors));
    }
    AnalysisSpec spec = new AnalysisSpec(prometheus, window, selectors, alpha, top.bool("autocorrelation", true),
        scoring, metrics, List.of());
    return new AnalysisSpec(prometheus, window, selectors, alpha, spec.autocorrelation(), scoring, metrics,
        rules.check(spec));
  }

  private WindowSpec window(YamlNode node) {
    node.onlyKeys(WINDOW);
    Duration duration = node.duration("duration", null);
    Duration warmup = node.duration("warmup", Duration.ZERO);
    Duration step = node.duration("step", Duration.ofMinutes(1));
    return new WindowSpec(warmup, duration, step, node.duration("evaluateEvery", duration),
        node.duration("rhoHistory", WindowSpec.defaultRhoHistory(warmup, duration, step)));
  }

  private Selectors selectors(YamlNode node) {
    node.onlyKeys(SELECTORS);
    Selectors selectors = new Selectors(node.string("canary"), node.string("baseline"),
        node.string("canaryPods", null), node.string("baselinePods", null));
    Placeholders.check(node.child("canary"), selectors.canary(), Set.of("canaryHash"), Set.of("canaryHash"));
    Placeholders.checkQuoted(node.child("canary"), selectors.canary());
    Placeholders.check(node.child("baseline"), selectors.baseline(), Set.of("stableHash"), Set.of("stableHash"));
    Placeholders.checkQuoted(node.child("baseline"), selectors.baseline());
    if ((selectors.canaryPods() == null) != (selectors.baselinePods() == null)) {
      throw new InvalidInputException(node.child("baselinePods"), "canaryPods and baselinePods go together");
    }
    if (selectors.canaryPods() != null) {
      Placeholders.check(node.child("canaryPods"), selectors.canaryPods(), Set.of("canaryHash"), Set.of("canaryHash"));
      Placeholders.checkQuoted(node.child("canaryPods"), selectors.canaryPods());
      Placeholders.check(node.child("baselinePods"), selectors.baselinePods(), Set.of("stableHash"), Set.of("stableHash"));
      Placeholders.checkQuoted(node.child("baselinePods"), selectors.baselinePods());
    }
    return selectors;
  }

  private ScoringSpec scoring(YamlNode node) {
    node.onlyKeys(SCORING);
    Map<String, Double> weights = new LinkedHashMap<>();
    if (node.has("groupWeights")) {
      YamlNode groups = node.object("groupWeights");
      groups.fieldNames().forEach(group -> weights.put(group, groups.number(group, 0)));
    }
    return new ScoringSpec(node.number("pass", 95), node.number("marginal", 75), weights,
        node.integer("allowInconclusive", 0));
  }
}
