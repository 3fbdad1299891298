package io.rolloutpilot.core.analysis.prometheus;

import io.rolloutpilot.core.analysis.Sleeper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.RequestRetried;

/**
 * The Prometheus HTTP API over java.net.http: {@code query} and {@code query_range} sent as form POSTs
 * (long queries fit), with the endpoint's credentials and timeout and bounded retries of the faults
 * that may pass. Messages name the endpoint without user info and never carry credentials.
 */
public final class PrometheusClient {
  /** A range query answers with a matrix; anything else comes from something that is not Prometheus. */
  private static final Set<String> RANGE_TYPES = Set.of("matrix");
  private static final Set<String> INSTANT_TYPES = Set.of("vector", "scalar");

  private final HttpClient http;
  private final PrometheusEndpoint endpoint;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final EngineListener listener;
  private final ResponseParser parser;

  public PrometheusClient(HttpClient http, PrometheusEndpoint endpoint, RetryPolicy retry, Sleeper sleeper,
      EngineListener listener) {
    this.http = http;
    this.endpoint = endpoint;
    this.retry = retry;
    this.sleeper = sleeper;
    this.listener = listener;
    this.parser = new ResponseParser(endpoint.credentials()::scrub);
  }

  public PrometheusEndpoint endpoint() {
    return endpoint;
  }

  /** Instant query at {@code time} (server time when null). */
  public QueryResult query(String promql, Instant time) throws PrometheusException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    if (time != null) {
      form.put("time", seconds(time.toEpochMilli()));
    }
    return send("query", form, INSTANT_TYPES);
  }

  /** Range query over [start, end] (both inclusive) every step. */
  public QueryResult queryRange(String promql, long startMillis, long endMillis, long stepMillis)
      throws PrometheusException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    form.put("start", seconds(startMillis));
    form.put("end", seconds(endMillis));
    form.put("step", seconds(stepMillis));
    return send("query_range", form, RANGE_TYPES);
  }

  private QueryResult send(String path, Map<String, String> form, Set<String> accepted) throws PrometheusException, InterruptedException {
    PrometheusException last = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      if (attempt > 1) {
        listener.on(new RequestRetried("Prometheus", path, attempt - 1, retry.attempts(), last.getMessage(),
            retry.delay(attempt - 1)));
        sleeper.sleep(retry.delay(attempt - 1));
      }
      try {
        return once(path, form, accepted);
      } catch (PrometheusException e) {
        if (!e.retryable()) {
          throw e;
        }
        last = e;
      }
    }
    throw new PrometheusException(last.status(), last.errorType(), last.getMessage() + " (gave up after "
        + retry.attempts() + " attempts)", true);
  }

  private QueryResult once(String path, Map<String, String> form, Set<String> accepted) throws PrometheusException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.api(path)).timeout(endpoint.timeout())
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    endpoint.credentials().authorization().ifPresent(value -> request.header("Authorization", value));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new PrometheusException(0, "timeout", "no answer from " + endpoint.display() + " within "
          + endpoint.timeout().toMillis() + " ms", true);
    } catch (IOException e) {
      throw new PrometheusException(0, "connection", "cannot reach " + endpoint.display() + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), true);
    }
    return parser.parse(response.statusCode(), response.body(), accepted);
  }

  private static String encode(Map<String, String> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach((k, v) -> body.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%d.%03d", Math.floorDiv(millis, 1000), Math.floorMod(millis, 1000));
  }
}
