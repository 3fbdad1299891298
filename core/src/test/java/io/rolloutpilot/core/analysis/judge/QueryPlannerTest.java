package io.rolloutpilot.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolloutpilot.core.analysis.CanaryTarget;
import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.analysis.spec.AnalysisSpecParser;
import io.rolloutpilot.core.analysis.spec.Placeholders;
import io.rolloutpilot.core.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values enter PromQL only as label values that cannot end their string: hashes are checked, then escaped. */
class QueryPlannerTest {
  private static final String SPEC = String.join("\n",
      "window: { duration: 30m, step: 1m }",
      "selectors: { canary: 'h=\"{{canaryHash}}\"', baseline: \"h='{{stableHash}}'\" }",
      "metrics:",
      "  - { name: latency, query: 'q{ {{selector}} }' }",
      "");

  private final AnalysisSpec spec = new AnalysisSpecParser().parse(SPEC);

  @ParameterizedTest
  @ValueSource(strings = {"", "\"abc\"", "'abc'", "x\"} or vector(1) #", "x'} or vector(1) #", "ABC123", "abc 123",
      "abc\n123", "abc\\", "abc`", "a.b", "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123"})
  void aHashThatIsNotAPodTemplateHashIsRefusedBeforeAnyQueryIsPlanned(String hash) {
    assertThatThrownBy(() -> new QueryPlanner().plan(spec, hash, "def456"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("canaryHash"));
    assertThatThrownBy(() -> new QueryPlanner().plan(spec, "abc123", hash))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("stableHash"));
    assertThatThrownBy(() -> new CanaryTarget(hash, "def456", Instant.EPOCH, "given"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("canaryHash"));
    assertThatThrownBy(() -> new CanaryTarget("abc123", hash, Instant.EPOCH, "given"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("stableHash"));
  }

  @Test
  void aRefusedHashIsEchoedWithItsLineBreaksEscaped() {
    assertThatThrownBy(() -> new CanaryTarget("abc\nPASSED - all good", "def456", Instant.EPOCH, "given"))
        .hasMessageContaining("'abc\\nPASSED - all good' is not a pod template hash").hasMessageNotContaining("\n");
  }

  @Test
  void hashesGoIntoTheirQuotedLabelValues() {
    List<QueryPlan> plans = new QueryPlanner().plan(spec, "6c5b8d4f9", "7d9f8c6b5");
    assertThat(plans.get(0).canaryQueries()).containsExactly("q{ h=\"6c5b8d4f9\" }");
    assertThat(plans.get(0).baselineQueries()).containsExactly("q{ h='7d9f8c6b5' }");
  }

  @Test
  void labelValuesAreEscapedForTheStringTheyStandIn() {
    String value = "x\"}' or vector(1) # \\";
    assertThat(Placeholders.resolveLabelValues("q{h=\"{{v}}\"}", Map.of("v", value)))
        .isEqualTo("q{h=\"x\\\"}' or vector(1) # \\\\\"}");
    assertThat(Placeholders.resolveLabelValues("q{h='{{v}}'}", Map.of("v", value)))
        .isEqualTo("q{h='x\"}\\' or vector(1) # \\\\'}");
    assertThat(Placeholders.resolveLabelValues("q{a=\"\\\"\", h=\"{{v}}\"} # '", Map.of("v", "a\nb")))
        .isEqualTo("q{a=\"\\\"\", h=\"a\\nb\"} # '");
    assertThatThrownBy(() -> Placeholders.resolveLabelValues("q{h=`{{v}}`}", Map.of("v", "a`b")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Placeholders.resolveLabelValues("q{h={{v}}}", Map.of("v", "abc")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("inside a quoted label value");
  }

  @Test
  void aSelectorWithTheHashOutsideQuotesIsRefusedWhenTheSpecIsRead() {
    assertThatThrownBy(() -> new AnalysisSpecParser().parse(SPEC.replace("h=\"{{canaryHash}}\"", "h={{canaryHash}}")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("spec.selectors.canary"))
        .hasMessageContaining("inside a quoted label value");
    assertThatThrownBy(() -> new AnalysisSpecParser().parse(SPEC.replace("h=\"{{canaryHash}}\"",
        "h=\"x\" # \"{{canaryHash}}\""))).isInstanceOf(InvalidInputException.class);
  }
}
