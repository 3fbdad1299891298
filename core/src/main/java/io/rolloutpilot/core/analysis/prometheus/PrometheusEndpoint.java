package io.rolloutpilot.core.analysis.prometheus;

import io.rolloutpilot.core.error.InvalidInputException;
import java.net.URI;
import java.time.Duration;

/**
 * A Prometheus HTTP API base URL (for example {@code http://prometheus:9090} or a workspace path),
 * credentials and the per-request timeout. User info in the URL is refused: secrets go in
 * {@link Credentials}.
 */
public record PrometheusEndpoint(URI base, Credentials credentials, Duration timeout) {
  public PrometheusEndpoint {
    if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
        || base.getHost() == null) {
      throw new InvalidInputException("prometheus", "'" + redacted(base) + "' is not an http(s) URL");
    }
    if (base.getUserInfo() != null) {
      throw new InvalidInputException("prometheus", "put credentials in the auth settings, not in the URL "
          + redacted(base));
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidInputException("prometheus.timeout", "must be positive");
    }
  }

  public static PrometheusEndpoint of(String url, Credentials credentials, Duration timeout) {
    try {
      return new PrometheusEndpoint(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
          credentials, timeout);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("prometheus", "'" + url + "' is not a URL");
    }
  }

  URI api(String path) {
    return URI.create(base + "/api/v1/" + path);
  }

  /** The URL for reports: scheme, host, port and path only. */
  public String display() {
    return redacted(base);
  }

  static String redacted(URI uri) {
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getPath() == null ? "" : uri.getPath();
    return uri.getScheme() + "://" + uri.getHost() + port + path;
  }
}
