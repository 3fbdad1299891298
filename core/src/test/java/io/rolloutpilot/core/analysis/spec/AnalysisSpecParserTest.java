package io.rolloutpilot.core.analysis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolloutpilot.core.error.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisSpecParserTest {
  static final String VALID = String.join("\n",
      "window: { warmup: 2m, duration: 32m, step: 1m }",
      "selectors: { canary: 'rollouts_pod_template_hash=\"{{canaryHash}}\"', baseline: 'rollouts_pod_template_hash=\"{{stableHash}}\"' }",
      "alpha: 0.01",
      "scoring: { pass: 95, marginal: 75, groupWeights: { errors: 50, latency: 50 } }",
      "metrics:",
      "  - name: error-ratio",
      "    numerator: 'sum(increase(http_requests_total{ {{selector}}, code=~\"5..\" }[{{step}}]))'",
      "    denominator: 'sum(increase(http_requests_total{ {{selector}} }[{{step}}]))'",
      "    absolute: { max: 0.01 }",
      "    margin: { absolute: 0.002 }",
      "    minVolume: 200",
      "    critical: true",
      "    group: errors",
      "  - name: p99-latency",
      "    query: 'histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{ {{selector}} }[1m])))'",
      "    margin: { ratio: 0.10 }",
      "    group: latency",
      "");

  private final AnalysisSpecParser parser = new AnalysisSpecParser();

  @Test
  void readsTheReferenceShapeWithDefaults() {
    AnalysisSpec spec = parser.parse(VALID);
    assertThat(spec.window().warmup()).isEqualTo(Duration.ofMinutes(2));
    assertThat(spec.window().evaluateEvery()).isEqualTo(Duration.ofMinutes(32));
    assertThat(spec.window().gridPoints()).isEqualTo(31);
    assertThat(spec.prometheus()).isEmpty();
    assertThat(spec.autocorrelation()).isTrue();
    MetricSpec errors = spec.metrics().get(0);
    assertThat(errors.kind()).isEqualTo(MetricKind.RATIO);
    assertThat(errors.direction()).isEqualTo(Direction.INCREASE);
    assertThat(errors.guardrail().max()).isEqualTo(0.01);
    assertThat(errors.minSamples()).isEqualTo(20);
    assertThat(errors.critical()).isTrue();
    MetricSpec latency = spec.metrics().get(1);
    assertThat(latency.kind()).isEqualTo(MetricKind.QUERY);
    assertThat(latency.margin().resolve(0.2)).isEqualTo(0.02, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(latency.nan()).isEqualTo(NanPolicy.DROP);
    assertThat(spec.warnings()).anySatisfy(w -> assertThat(w).contains("below 50"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "colour: red | spec.colour | unknown key",
      "metrics[1].colr | spec.metrics[1].colr | unknown key",
      "query-without-selector | spec.metrics[1].query | {{selector}}",
      "unknown-placeholder | spec.metrics[1].query | {{pod}}",
      "canary-selector-without-hash | spec.selectors.canary | {{canaryHash}}",
      "minSamples: 4 | spec.metrics[1].minSamples | at least 5",
      "minSamples: 40 | spec.metrics[1].minSamples | exceeds the 31 steps",
      "minVolume on query | spec.metrics[1].minVolume | kind: ratio",
      "margin both | spec.metrics[1].margin | exactly one",
      "weights over 100 | spec.scoring.groupWeights | add up to",
      "weight of unknown group | spec.scoring.groupWeights.cpu | no metric",
      "guardrail min above max | spec.metrics[1].absolute.min | above max",
      "sigv4 | spec.prometheus.auth | SigV4 signing proxy",
      "alpha: 0.7 | spec.alpha | outside",
      "duplicate name | spec.metrics[1].name | duplicate",
      "warmup too long | spec.window.duration | longer than",
      "bad duration | spec.window.step | is not a duration",
      "direction sideways | spec.metrics[1].direction | not one of",
      "rhoHistory: 9m | spec.window.rhoHistory | at least 10",
      "rhoHistory: 25h | spec.window.rhoHistory | at most 24h",
      "rhoHistory: -5m | spec.window.rhoHistory | is not a duration",
      "no window | spec.window | is required",
      "no selectors | spec.selectors | is required",
      "window twice | spec.window | is given twice",
      "margin twice | spec.metrics[1].margin | is given twice",
      "second document | spec | more than one YAML document",
      "minSamples: 99999999999999999999 | spec.metrics[1].minSamples | 99999999999999999999' is too large a number",
      "alpha: 1e400 | spec.alpha | must be a finite number",
      "minVolume: -1e999 | spec.metrics[0].minVolume | must be a finite number",
      "step: 1ns | spec.window.step | at least 1ms",
      "warmup: [1m] | spec.window.warmup | must be a duration",
      "evaluateEvery below step | spec.window.evaluateEvery | at least window.step (1m)",
      "url ftp | spec.prometheus.url | is not an http(s) URL",
      "url port 0 | spec.prometheus.url | ports are 1 to 65535",
      "url without host | spec.prometheus.url | has no host",
      "timeout: 0 | spec.prometheus.timeout | must be positive",
      "tokenEnv holds a token | spec.prometheus.tokenEnv | not an environment variable"})
  void rejectsWithTheFieldNamed(String change, String field, String message) {
    String text = mutate(change);
    assertThatThrownBy(() -> parser.parse(text)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field))
        .hasMessageContaining(message);
  }

  @Test
  void anEmptyDocumentAfterTheSpecIsLetBe() {
    assertThat(parser.parse(VALID + "---\n").metrics()).hasSize(2);
    assertThat(parser.parse("---\n" + VALID + "...\n").metrics()).hasSize(2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'prometheus: { url: ''http://ci:hunter2-PLANTED@prometheus:9090'' }' | spec.prometheus.url",
      "'prometheus: { url: ''http://ci:hunter2 PLANTED@prometheus:9090'' }' | spec.prometheus.url",
      "'prometheus: { url: ''http://p:9090'', auth: bearer, tokenEnv: ''hunter2-PLANTED'' }' | spec.prometheus.tokenEnv",
      "'prometheus: { url: ''http://p:9090'', auth: hunter2-PLANTED }' | spec.prometheus.auth",
      "'prometheus: { url: ''http://p:9090'', auth: basic, username: ci, passwordEnv: ''hunter2 PLANTED'' }'"
          + " | spec.prometheus.passwordEnv"})
  void aSecretInTheWrongPlaceIsRefusedWithoutBeingEchoed(String prometheus, String field) {
    assertThatThrownBy(() -> parser.parse(prometheus + "\n" + VALID)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field))
        .hasMessageNotContaining("hunter2").hasMessageNotContaining("PLANTED");
  }

  @Test
  void rhoHistoryDefaultsToSixWindowsAndIsWarnedAboutWhenTooShortToBeUsed() {
    // 2m warm-up of a 32m window at 1m steps: 31 points, six windows of history
    assertThat(parser.parse(VALID).window().rhoHistory()).isEqualTo(Duration.ofMinutes(186));
    assertThat(parser.parse(VALID).warnings()).noneSatisfy(w -> assertThat(w).contains("rhoHistory"));
    assertThat(parser.parse(VALID.replace("step: 1m }", "step: 1m, rhoHistory: 0 }")).window().hasRhoHistory())
        .isFalse();
    assertThat(parser.parse(VALID.replace("duration: 32m, step: 1m }", "duration: 24h, step: 10s }"))
        .window().historyPoints()).isEqualTo(8640);
    AnalysisSpec longEnough = parser.parse(VALID.replace("step: 1m }", "step: 1m, rhoHistory: 2h }"));
    assertThat(longEnough.window().rhoHistory()).isEqualTo(Duration.ofHours(2));
    assertThat(longEnough.window().historyPoints()).isEqualTo(120);
    assertThat(longEnough.warnings()).noneSatisfy(w -> assertThat(w).contains("rhoHistory"));
    AnalysisSpec tooShort = parser.parse(VALID.replace("step: 1m }", "step: 1m, rhoHistory: 30m }"));
    assertThat(tooShort.warnings()).anySatisfy(w -> assertThat(w).contains("window.rhoHistory gives 30 steps but 93"));
    AnalysisSpec noCorrection = parser.parse(VALID.replace("step: 1m }", "step: 1m, rhoHistory: 2h }")
        + "autocorrelation: false\n");
    assertThat(noCorrection.warnings()).anySatisfy(w -> assertThat(w).contains("autocorrelation is off"));
  }

  @Test
  void minimumSamplesFollowTheExactTest() {
    // with p ≤ α, 3 per group would do for α = 0.05; our rule is p < α and 1/C(6,3) = 0.05 exactly
    assertThat(SpecRules.smallestRejectingGroupSize(0.05)).isEqualTo(4);
    assertThat(SpecRules.smallestRejectingGroupSize(0.0501)).isEqualTo(3);
    assertThat(SpecRules.smallestRejectingGroupSize(0.01)).isEqualTo(5);
    assertThat(SpecRules.smallestRejectingGroupSize(0.001)).isEqualTo(7);
  }

  @Test
  void placeholdersResolveAndMissingValuesAreNamed() {
    assertThat(Placeholders.resolve("a{{ x }}b{{y}}", java.util.Map.of("x", "1", "y", "$2"))).isEqualTo("a1b$2");
    assertThatThrownBy(() -> Placeholders.resolve("{{z}}", java.util.Map.of())).hasMessageContaining("{{z}}");
  }

  private static String mutate(String change) {
    String latency = "    query: 'histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{ {{selector}} }[1m])))'";
    switch (change) {
      case "colour: red": return VALID + "colour: red\n";
      case "metrics[1].colr": return VALID + "    colr: 1\n";
      case "query-without-selector": return VALID.replace(latency, "    query: 'up'");
      case "unknown-placeholder": return VALID.replace(latency, "    query: 'up{ {{selector}}, {{pod}} }'");
      case "canary-selector-without-hash": return VALID.replace("hash=\\\"{{canaryHash}}\\\"", "hash=\\\"x\\\"")
          .replace("canary: 'rollouts_pod_template_hash=\"{{canaryHash}}\"'", "canary: 'app=\"x\"'");
      case "minSamples: 4": return VALID + "    minSamples: 4\n";
      case "minSamples: 40": return VALID + "    minSamples: 40\n";
      case "minVolume on query": return VALID + "    minVolume: 10\n";
      case "margin both": return VALID.replace("margin: { ratio: 0.10 }", "margin: { ratio: 0.10, absolute: 1 }");
      case "weights over 100": return VALID.replace("latency: 50 }", "latency: 60 }");
      case "weight of unknown group": return VALID.replace("latency: 50 }", "latency: 40, cpu: 10 }");
      case "guardrail min above max": return VALID + "    absolute: { min: 2, max: 1 }\n";
      case "sigv4": return "prometheus: { url: 'https://aps', auth: sigv4 }\n" + VALID;
      case "alpha: 0.7": return VALID.replace("alpha: 0.01", "alpha: 0.7");
      case "duplicate name": return VALID.replace("name: p99-latency", "name: error-ratio");
      case "warmup too long": return VALID.replace("warmup: 2m", "warmup: 40m");
      case "bad duration": return VALID.replace("step: 1m", "step: 1 minute");
      case "direction sideways": return VALID + "    direction: sideways\n";
      case "rhoHistory: 9m": return VALID.replace("step: 1m }", "step: 1m, rhoHistory: 9m }");
      case "rhoHistory: 25h": return VALID.replace("step: 1m }", "step: 1m, rhoHistory: 25h }");
      case "rhoHistory: -5m": return VALID.replace("step: 1m }", "step: 1m, rhoHistory: -5m }");
      case "no window": return VALID.replace("window: { warmup: 2m, duration: 32m, step: 1m }\n", "");
      case "no selectors": return VALID.lines().filter(l -> !l.startsWith("selectors:")).map(l -> l + "\n")
          .reduce("", String::concat);
      case "window twice": return "window: { duration: 5m }\n" + VALID;
      case "margin twice": return VALID + "    margin: { ratio: 0.5 }\n";
      case "second document": return VALID + "---\nalpha: 0.2\n";
      case "minSamples: 99999999999999999999": return VALID + "    minSamples: 99999999999999999999\n";
      case "alpha: 1e400": return VALID.replace("alpha: 0.01", "alpha: 1e400");
      case "minVolume: -1e999": return VALID.replace("minVolume: 200", "minVolume: -1e999");
      case "step: 1ns": return VALID.replace("step: 1m }", "step: 1ns }");
      case "warmup: [1m]": return VALID.replace("warmup: 2m", "warmup: [1m]");
      case "evaluateEvery below step": return VALID.replace("step: 1m }", "step: 1m, evaluateEvery: 30s }");
      case "url ftp": return "prometheus: { url: 'ftp://prometheus:21' }\n" + VALID;
      case "url port 0": return "prometheus: { url: 'http://prometheus:0' }\n" + VALID;
      case "url without host": return "prometheus: { url: 'http:///api' }\n" + VALID;
      case "timeout: 0": return "prometheus: { url: 'http://prometheus:9090', timeout: 0 }\n" + VALID;
      case "tokenEnv holds a token": return "prometheus: { url: 'http://p:9090', auth: bearer, tokenEnv: 'eyJ.x-y' }\n"
          + VALID;
      default: throw new IllegalArgumentException(change);
    }
  }
}
