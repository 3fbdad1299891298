package io.rolloutpilot.core.analysis.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.analysis.judge.TimeSeries;
import io.rolloutpilot.core.validation.Quoted;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Reads the Prometheus API envelope: the success data in the shapes the caller accepts, the JSON error
 * envelope, and the plain-text or HTML bodies that come from a server that is not ready or from a proxy.
 * Anything else (another result type, a sample that is not {@code [time, "number"]}) is a bad response,
 * never an empty one. Text from the server passes through {@code scrub} before it reaches a message, and
 * the body of a 401 or 403 is never shown: a proxy may echo the Authorization header it refused.
 */
final class ResponseParser {
  private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
  private static final int MAX_BODY_IN_MESSAGE = 200;

  private final ObjectMapper json = new ObjectMapper();
  private final UnaryOperator<String> scrub;

  /** @param scrub takes the credentials in use out of server text */
  ResponseParser(UnaryOperator<String> scrub) {
    this.scrub = scrub;
  }

  /** @param accepted the result types this request can answer with ({@code matrix} for a range query) */
  QueryResult parse(int status, String body, Set<String> accepted) throws PrometheusException {
    JsonNode root = readJson(body);
    boolean envelope = root != null && root.isObject() && root.has("status");
    if (status / 100 != 2 || !envelope || !"success".equals(root.path("status").asText())) {
      throw error(status, body, envelope ? root : null);
    }
    JsonNode data = root.path("data");
    String type = data.path("resultType").asText("");
    if (!accepted.contains(type)) {
      throw malformed("expected a " + String.join(" or ", new TreeSet<>(accepted)) + " result, got " + (type.isEmpty()
          ? "no resultType" : "resultType " + Quoted.of(scrub.apply(type))) + "; is the URL a Prometheus API?");
    }
    return new QueryResult(type, series(type, data.path("result")), strings(root.path("warnings")));
  }

  private List<Series> series(String type, JsonNode result) throws PrometheusException {
    List<Series> series = new ArrayList<>();
    if (type.equals("scalar")) {
      series.add(new Series(Map.of(), samples(List.of(result))));
      return series;
    }
    if (!result.isArray()) {
      throw malformed("the " + type + " result is not a list of series");
    }
    for (JsonNode item : result) {
      JsonNode points = type.equals("matrix") ? item.path("values") : item.path("value");
      if (!item.isObject() || !points.isArray()) {
        throw histogramOrMissing(item);
      }
      List<JsonNode> samples = new ArrayList<>();
      if (type.equals("matrix")) {
        points.forEach(samples::add);
      } else {
        samples.add(points);
      }
      series.add(new Series(labels(item), samples(samples)));
    }
    return series;
  }

  private TimeSeries samples(List<JsonNode> points) throws PrometheusException {
    long[] times = new long[points.size()];
    double[] values = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      JsonNode point = points.get(i);
      if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isTextual()) {
        throw malformed("a sample is not [time, \"value\"]");
      }
      times[i] = SampleValues.millis(point.get(0).asDouble());
      try {
        values[i] = SampleValues.parse(point.get(1).asText());
      } catch (NumberFormatException e) {
        throw malformed("sample value " + Quoted.of(scrub.apply(point.get(1).asText())) + " is not a number");
      }
    }
    return new TimeSeries(times, values);
  }

  private JsonNode readJson(String body) {
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private PrometheusException error(int status, String body, JsonNode envelope) {
    boolean retryable = RETRYABLE.contains(status);
    if (status == 401 || status == 403) {
      return new PrometheusException(status, status == 401 ? "unauthorized" : "forbidden", "HTTP " + status
          + (status == 401 ? ": the credentials were refused" : ": the credentials may not query this Prometheus")
          + " (the answer is not shown: it may repeat them)", false);
    }
    if (envelope != null) {
      String type = scrub.apply(envelope.path("errorType").asText(""));
      String text = scrub.apply(envelope.path("error").asText(""));
      return new PrometheusException(status, type, "HTTP " + status + " " + type + ": " + text, retryable);
    }
    String snippet = body == null ? "" : scrub.apply(body.strip().replaceAll("\\s+", " "));
    if (snippet.length() > MAX_BODY_IN_MESSAGE) {
      snippet = snippet.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }
    String what = status / 100 == 2 ? "not a Prometheus API response" : "HTTP " + status;
    return new PrometheusException(status, "", what + (snippet.isEmpty() ? "" : ": " + snippet), retryable);
  }

  private Map<String, String> labels(JsonNode item) {
    Map<String, String> labels = new LinkedHashMap<>();
    item.path("metric").properties().forEach(e -> labels.put(e.getKey(), scrub.apply(e.getValue().asText())));
    return labels;
  }

  private static PrometheusException histogramOrMissing(JsonNode item) {
    String why = item.has("histogram") || item.has("histograms")
        ? "native histogram samples are not supported; wrap the query in histogram_quantile() or histogram_avg()"
        : "a series without samples";
    return malformed(why);
  }

  private static PrometheusException malformed(String why) {
    return new PrometheusException(200, "bad_response", why, false);
  }

  private List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(scrub.apply(n.asText())));
    return out;
  }
}
