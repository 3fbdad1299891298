package io.rolloutpilot.core.analysis.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.analysis.judge.TimeSeries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Prometheus API envelope (reference §4.2–§4.4): the success data in its four shapes, the
 * JSON error envelope, and the plain-text or HTML bodies that come from a server that is not ready
 * or from a proxy.
 */
final class ResponseParser {
  private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
  private static final int MAX_BODY_IN_MESSAGE = 200;

  private final ObjectMapper json = new ObjectMapper();

  QueryResult parse(int status, String body) throws PrometheusException {
    JsonNode root = readJson(body);
    boolean envelope = root != null && root.has("status");
    if (status / 100 != 2 || !envelope || !"success".equals(root.path("status").asText())) {
      throw error(status, body, envelope ? root : null);
    }
    JsonNode data = root.path("data");
    String type = data.path("resultType").asText();
    List<Series> series = new ArrayList<>();
    JsonNode result = data.path("result");
    switch (type) {
      case "matrix":
        for (JsonNode item : result) {
          series.add(new Series(labels(item), samples(item.path("values"), item)));
        }
        break;
      case "vector":
        for (JsonNode item : result) {
          series.add(new Series(labels(item), point(item.path("value"), item)));
        }
        break;
      case "scalar":
      case "string":
        series.add(new Series(Map.of(), point(result, result)));
        break;
      default:
        throw new PrometheusException(status, "bad_response", "unexpected resultType '" + type + "'", false);
    }
    return new QueryResult(type, series, strings(root.path("warnings")));
  }

  private JsonNode readJson(String body) {
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static PrometheusException error(int status, String body, JsonNode envelope) {
    boolean retryable = RETRYABLE.contains(status);
    if (envelope != null) {
      String type = envelope.path("errorType").asText("");
      String text = envelope.path("error").asText("");
      return new PrometheusException(status, type, "HTTP " + status + " " + type + ": " + text, retryable);
    }
    String snippet = body == null ? "" : body.strip();
    if (snippet.length() > MAX_BODY_IN_MESSAGE) {
      snippet = snippet.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }
    String what = status / 100 == 2 ? "not a Prometheus API response" : "HTTP " + status;
    return new PrometheusException(status, "", what + (snippet.isEmpty() ? "" : ": " + snippet), retryable);
  }

  private static Map<String, String> labels(JsonNode item) {
    Map<String, String> labels = new LinkedHashMap<>();
    item.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static TimeSeries samples(JsonNode values, JsonNode item) throws PrometheusException {
    if (!values.isArray()) {
      throw histogramOrMissing(item);
    }
    long[] times = new long[values.size()];
    double[] parsed = new double[values.size()];
    for (int i = 0; i < values.size(); i++) {
      times[i] = SampleValues.millis(values.get(i).get(0).asDouble());
      parsed[i] = SampleValues.parse(values.get(i).get(1).asText());
    }
    return new TimeSeries(times, parsed);
  }

  private static TimeSeries point(JsonNode value, JsonNode item) throws PrometheusException {
    if (!value.isArray() || value.size() != 2) {
      throw histogramOrMissing(item);
    }
    return new TimeSeries(new long[] {SampleValues.millis(value.get(0).asDouble())},
        new double[] {SampleValues.parse(value.get(1).asText())});
  }

  private static PrometheusException histogramOrMissing(JsonNode item) {
    String why = item.has("histogram") || item.has("histograms")
        ? "native histogram samples are not supported; wrap the query in histogram_quantile() or histogram_avg()"
        : "a series without samples";
    return new PrometheusException(200, "bad_response", why, false);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
