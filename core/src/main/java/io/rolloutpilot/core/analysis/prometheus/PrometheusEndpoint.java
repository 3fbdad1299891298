package io.rolloutpilot.core.analysis.prometheus;

import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.validation.HttpUrls;
import java.net.URI;
import java.time.Duration;

/**
 * A Prometheus HTTP API base URL (for example {@code http://prometheus:9090} or a workspace path),
 * credentials and the per-request timeout, which bounds each whole request: connecting, the headers and
 * the body. The URL follows {@link HttpUrls}: user info is refused, secrets go in {@link Credentials}.
 */
public record PrometheusEndpoint(URI base, Credentials credentials, Duration timeout) {
  public PrometheusEndpoint {
    HttpUrls.check("prometheus", base);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidInputException("prometheus.timeout", "must be positive");
    }
  }

  /** @param field the input the URL came from, named in the error when it is refused */
  public static PrometheusEndpoint of(String field, String url, Credentials credentials, Duration timeout) {
    return new PrometheusEndpoint(HttpUrls.parse(field, url), credentials, timeout);
  }

  public static PrometheusEndpoint of(String url, Credentials credentials, Duration timeout) {
    return of("prometheus", url, credentials, timeout);
  }

  URI api(String path) {
    return URI.create(base + "/api/v1/" + path);
  }

  /** The URL for reports: scheme, host, port and path only. */
  public String display() {
    String port = base.getPort() < 0 ? "" : ":" + base.getPort();
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    return base.getScheme() + "://" + base.getHost() + port + path;
  }
}
