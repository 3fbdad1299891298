package io.rolloutpilot.core.analysis.prometheus;

import io.rolloutpilot.core.analysis.Deadline;
import io.rolloutpilot.core.analysis.DeadlineReached;
import io.rolloutpilot.core.analysis.Sleeper;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.RequestRetried;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Prometheus HTTP API over java.net.http: {@code query} and {@code query_range} sent as form POSTs
 * (long queries fit), with the endpoint's credentials and bounded retries of the faults that may pass.
 * The endpoint's timeout bounds each whole request, body included (the JDK's request timeout stops at the
 * headers, so a server dripping its body would otherwise hold us for ever), and the analysis' deadline, when
 * there is one, cuts every request and every wait between retries short. Messages name the endpoint without
 * user info and never carry credentials.
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
  private final Deadline deadline;
  private final ResponseParser parser;

  public PrometheusClient(HttpClient http, PrometheusEndpoint endpoint, RetryPolicy retry, Sleeper sleeper,
      EngineListener listener) {
    this(http, endpoint, retry, sleeper, listener, Deadline.NONE);
  }

  /** @param deadline past it a request or a wait ends with {@link DeadlineReached} */
  public PrometheusClient(HttpClient http, PrometheusEndpoint endpoint, RetryPolicy retry, Sleeper sleeper,
      EngineListener listener, Deadline deadline) {
    this.http = http;
    this.endpoint = endpoint;
    this.retry = retry;
    this.sleeper = sleeper;
    this.listener = listener;
    this.deadline = deadline;
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

  private QueryResult send(String path, Map<String, String> form, Set<String> accepted)
      throws PrometheusException, InterruptedException {
    PrometheusException last = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      if (attempt > 1) {
        listener.on(new RequestRetried("Prometheus", path, attempt - 1, retry.attempts(), last.getMessage(),
            retry.delay(attempt - 1)));
        waitBeforeRetry(path, retry.delay(attempt - 1), last);
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

  private void waitBeforeRetry(String path, Duration delay, PrometheusException last) throws InterruptedException {
    Duration wait = deadline.cap(delay);
    sleeper.sleep(wait);
    if (wait.compareTo(delay) < 0) {
      throw new DeadlineReached("retrying Prometheus " + path + " after: " + last.getMessage());
    }
  }

  private QueryResult once(String path, Map<String, String> form, Set<String> accepted)
      throws PrometheusException, InterruptedException {
    Duration budget = deadline.cap(endpoint.timeout());
    if (budget.isZero()) {
      throw new DeadlineReached("waiting for Prometheus " + path);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.api(path)).timeout(budget)
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    endpoint.credentials().authorization().ifPresent(value -> request.header("Authorization", value));
    HttpResponse<String> response = exchange(request.build(), path, budget);
    return parser.parse(response.statusCode(), response.body(), accepted);
  }

  /** Sends and waits for the whole answer, body included, at most {@code budget}; then gives up on it. */
  private HttpResponse<String> exchange(HttpRequest request, String path, Duration budget)
      throws PrometheusException, InterruptedException {
    CompletableFuture<HttpResponse<String>> pending =
        http.sendAsync(request, BoundedBody.handler(BoundedBody.MAX_BYTES));
    try {
      return pending.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw timedOut(path, budget);
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw timedOut(path, budget);
      }
      if (cause instanceof BoundedBody.TooLarge) {
        throw new PrometheusException(0, "bad_response", cause.getMessage() + "; aggregate the query", false);
      }
      throw new PrometheusException(0, "connection", "cannot reach " + endpoint.display() + ": "
          + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()), true);
    }
  }

  /** The timeout fault to retry; or, when our deadline was what cut the wait short, {@link DeadlineReached}. */
  private PrometheusException timedOut(String path, Duration budget) {
    String what = "no complete answer from " + endpoint.display() + " within " + budget.toMillis() + " ms";
    if (budget.compareTo(endpoint.timeout()) < 0) {
      throw new DeadlineReached("waiting for Prometheus " + path + ": " + what);
    }
    return new PrometheusException(0, "timeout", what, true);
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
