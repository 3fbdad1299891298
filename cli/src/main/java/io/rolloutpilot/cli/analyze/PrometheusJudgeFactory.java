package io.rolloutpilot.cli.analyze;

import io.rolloutpilot.core.analysis.AnalysisListener;
import io.rolloutpilot.core.analysis.Sleeper;
import io.rolloutpilot.core.analysis.judge.Aggregator;
import io.rolloutpilot.core.analysis.judge.CanaryJudge;
import io.rolloutpilot.core.analysis.judge.MetricDecider;
import io.rolloutpilot.core.analysis.judge.QueryPlanner;
import io.rolloutpilot.core.analysis.prometheus.Credentials;
import io.rolloutpilot.core.analysis.prometheus.PrometheusClient;
import io.rolloutpilot.core.analysis.prometheus.PrometheusEndpoint;
import io.rolloutpilot.core.analysis.prometheus.PrometheusMetricSource;
import io.rolloutpilot.core.analysis.prometheus.RetryPolicy;
import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.analysis.spec.PrometheusSpec;
import io.rolloutpilot.core.analysis.stats.MannWhitneyTest;
import io.rolloutpilot.core.analysis.stats.TwoSampleComparator;
import io.rolloutpilot.core.validation.InvalidInputException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the Mode B judge for one command: the endpoint from {@code --prometheus} (else the spec's url),
 * credentials read from the environment variables the spec names (never from the command line).
 */
public final class PrometheusJudgeFactory {
  private final Map<String, String> environment;

  public PrometheusJudgeFactory(Map<String, String> environment) {
    this.environment = environment;
  }

  public PrometheusEndpoint endpoint(String url, AnalysisSpec spec) {
    PrometheusSpec configured = spec.prometheus().orElse(null);
    String base = url != null ? url : configured == null ? null : configured.url();
    if (base == null || base.isBlank()) {
      throw new InvalidInputException("prometheus", "no Prometheus URL; give --prometheus URL or prometheus.url in"
          + " the spec");
    }
    Duration timeout = configured == null ? Duration.ofSeconds(30) : configured.timeout();
    return PrometheusEndpoint.of(base, credentials(configured), timeout);
  }

  private Credentials credentials(PrometheusSpec spec) {
    if (spec == null || "none".equals(spec.authType())) {
      return Credentials.NONE;
    }
    if ("bearer".equals(spec.authType())) {
      return Credentials.bearer(variable("prometheus.tokenEnv", spec.tokenEnv()));
    }
    return Credentials.basic(spec.username(), variable("prometheus.passwordEnv", spec.passwordEnv()));
  }

  private String variable(String field, String name) {
    String value = environment.get(name);
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException(field, "environment variable " + name + " is not set or empty");
    }
    return value;
  }

  public CanaryJudge judge(PrometheusEndpoint endpoint, AnalysisListener listener) {
    PrometheusClient client = new PrometheusClient(HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build(),
        endpoint, RetryPolicy.DEFAULT, Sleeper.REAL, listener);
    return new CanaryJudge(new PrometheusMetricSource(client),
        new MetricDecider(new TwoSampleComparator(new MannWhitneyTest())), new Aggregator(), new QueryPlanner(),
        Clock.systemUTC(), Sleeper.REAL, listener);
  }
}
