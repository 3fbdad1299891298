package io.rolloutpilot.cli.analyze;

import io.rolloutpilot.core.analysis.prometheus.Credentials;
import io.rolloutpilot.core.analysis.prometheus.PrometheusEndpoint;
import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.analysis.spec.PrometheusSpec;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where {@code analyze} finds Prometheus: {@code --prometheus}, else the spec's url, with credentials
 * read from the environment variables the spec names (never from the command line). The spec has checked
 * that those are variable names; a variable's value is never shown, and its name only when it looks like
 * one by convention, since a secret pasted as the name may still fit the rules for names.
 */
final class PrometheusEndpoints {
  private static final Pattern CONVENTIONAL_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

  private final Map<String, String> environment;

  PrometheusEndpoints(Map<String, String> environment) {
    this.environment = environment;
  }

  PrometheusEndpoint endpoint(String url, AnalysisSpec spec) {
    PrometheusSpec configured = spec.prometheus().orElse(null);
    String base = url != null ? url : configured == null ? null : configured.url();
    if (base == null || base.isBlank()) {
      throw new InvalidInputException("prometheus", "no Prometheus URL; give --prometheus URL or prometheus.url in"
          + " the spec");
    }
    Duration timeout = configured == null ? Duration.ofSeconds(30) : configured.timeout();
    return PrometheusEndpoint.of(url != null ? "prometheus" : "spec.prometheus.url", base, credentials(configured),
        timeout);
  }

  private Credentials credentials(PrometheusSpec spec) {
    if (spec == null || "none".equals(spec.authType())) {
      return Credentials.NONE;
    }
    if ("bearer".equals(spec.authType())) {
      String field = "spec.prometheus.tokenEnv";
      return Credentials.bearer(field, variable(field, spec.tokenEnv()));
    }
    String field = "spec.prometheus.passwordEnv";
    return Credentials.basic(field, spec.username(), variable(field, spec.passwordEnv()));
  }

  private String variable(String field, String name) {
    String value = environment.get(name);
    if (value == null || value.isEmpty()) {
      String which = CONVENTIONAL_NAME.matcher(name).matches() ? "the environment variable " + name
          : "the environment variable it names (not shown: it does not look like a variable's name)";
      throw new InvalidInputException(new Details(field, which + " is not set or empty",
          Hint.SECRET_BY_VARIABLE_NAME, null));
    }
    return value;
  }
}
