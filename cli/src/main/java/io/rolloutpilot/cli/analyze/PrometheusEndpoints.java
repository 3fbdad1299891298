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
 * read from the environment variables the spec names (never from the command line).
 */
final class PrometheusEndpoints {
  /** A variable name as shells write them; anything else is likely a secret typed in the wrong place. */
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
      return Credentials.bearer(variable("spec.prometheus.tokenEnv", spec.tokenEnv()));
    }
    return Credentials.basic(spec.username(), variable("spec.prometheus.passwordEnv", spec.passwordEnv()));
  }

  /** The variable's value; its name is echoed only when it looks like a name, never a value typed by mistake. */
  private String variable(String field, String name) {
    if (name == null || !VARIABLE_NAME.matcher(name).matches()) {
      throw new InvalidInputException(new Details(field, "is not an environment variable's name",
          Hint.SECRET_BY_VARIABLE_NAME, null));
    }
    String value = environment.get(name);
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException(field, "environment variable " + name + " is not set or empty");
    }
    return value;
  }
}
