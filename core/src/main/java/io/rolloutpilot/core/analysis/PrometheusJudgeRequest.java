package io.rolloutpilot.core.analysis;

import io.rolloutpilot.core.analysis.prometheus.PrometheusEndpoint;
import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import java.time.Duration;

/**
 * Judge a canary against its baseline on Prometheus: the spec, where Prometheus is, which pods and
 * since when, and our own deadline (zero: none) after which the verdict is TIMED_OUT.
 */
public record PrometheusJudgeRequest(AnalysisSpec spec, PrometheusEndpoint endpoint, CanaryTarget target,
    Duration timeout) {
  public PrometheusJudgeRequest {
    timeout = timeout == null ? Duration.ZERO : timeout;
  }
}
