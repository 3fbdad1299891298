package io.rolloutpilot.core.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.rolloutpilot.core.event.EngineListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.rolloutpilot.core.error.InvalidInputException;

/** The client against a scripted loopback HTTP server: shapes, error envelopes, retries, auth. */
class PrometheusClientTest {
  record Reply(int status, String contentType, String body, long delayMillis) {}

  private HttpServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final List<String> authorizations = new ArrayList<>();
  private final List<String> bodies = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/", exchange -> {
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      Reply reply = replies.isEmpty() ? new Reply(500, "text/plain", "no reply scripted", 0) : replies.poll();
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", reply.contentType());
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private PrometheusClient client(Credentials credentials, Duration timeout) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return new PrometheusClient(HttpClient.newHttpClient(), PrometheusEndpoint.of(url, credentials, timeout),
        new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)), sleeps::add, EngineListener.NONE);
  }

  private void reply(int status, String body) {
    replies.add(new Reply(status, "application/json", body, 0));
  }

  @Test
  void parsesMatrixWithSpecialValuesAndWarnings() throws Exception {
    reply(200, "{\"status\":\"success\",\"warnings\":[\"PromQL info: metric might not be a counter\"],"
        + "\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1435781451.781,\"1\"],"
        + "[1435781452.781,\"NaN\"],[1435781453.781,\"+Inf\"],[1435781454.781,\"-Inf\"],[1435781455.781,\"1e-07\"]]}]}}");
    QueryResult result = client(Credentials.NONE, Duration.ofSeconds(5)).queryRange("up", 1000, 61000, 15000);
    assertThat(result.resultType()).isEqualTo("matrix");
    assertThat(result.warnings()).containsExactly("PromQL info: metric might not be a counter");
    double[] values = result.series().get(0).samples().values();
    assertThat(values[0]).isEqualTo(1.0);
    assertThat(values[1]).isNaN();
    assertThat(values[2]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(values[3]).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(values[4]).isEqualTo(1e-7);
    assertThat(result.series().get(0).samples().times()[0]).isEqualTo(1435781451781L);
    assertThat(bodies.get(0)).isEqualTo("query=up&start=1.000&end=61.000&step=15.000");
  }

  @Test
  void parsesVectorAndScalar() throws Exception {
    reply(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"job\":\"a\"},"
        + "\"value\":[10,\"0.5\"]}]}}");
    reply(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[10,\"2\"]}}");
    PrometheusClient client = client(Credentials.NONE, Duration.ofSeconds(5));
    QueryResult vector = client.query("x", null);
    assertThat(vector.series().get(0).labels()).containsEntry("job", "a");
    assertThat(client.query("scalar(x)", java.time.Instant.ofEpochSecond(10)).series().get(0).samples().values())
        .containsExactly(2.0);
    assertThat(bodies.get(1)).contains("time=10.000");
  }

  @Test
  void badDataIsNotRetriedAndKeepsPrometheusText() {
    reply(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\": "
        + "1:14: parse error: unexpected end of input\"}");
    assertThatThrownBy(() -> client(Credentials.NONE, Duration.ofSeconds(5)).queryRange("sum(", 0, 60000, 60000))
        .isInstanceOfSatisfying(PrometheusException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errorType()).isEqualTo("bad_data");
        }).hasMessageContaining("parse error");
    assertThat(bodies).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void notReadyPlainTextIsRetriedWithBackoffThenSucceeds() throws Exception {
    replies.add(new Reply(503, "text/plain", "Service Unavailable", 0));
    replies.add(new Reply(502, "text/html", "<html>bad gateway</html>", 0));
    reply(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
    QueryResult result = client(Credentials.NONE, Duration.ofSeconds(5)).queryRange("up", 0, 60000, 60000);
    assertThat(result.series()).isEmpty();
    assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
  }

  @Test
  void retriesAreBoundedAndSayHowManyAttempts() {
    for (int i = 0; i < 3; i++) {
      reply(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}");
    }
    assertThatThrownBy(() -> client(Credentials.NONE, Duration.ofSeconds(5)).queryRange("up", 0, 60000, 60000))
        .isInstanceOf(PrometheusException.class).hasMessageContaining("timed out").hasMessageContaining("3 attempts");
    assertThat(bodies).hasSize(3);
  }

  @Test
  void slowAnswersTimeOutAndAreRetried() {
    for (int i = 0; i < 3; i++) {
      replies.add(new Reply(200, "application/json", "{}", 600));
    }
    assertThatThrownBy(() -> client(Credentials.NONE, Duration.ofMillis(150)).queryRange("up", 0, 60000, 60000))
        .isInstanceOf(PrometheusException.class).hasMessageContaining("within 150 ms");
  }

  @Test
  void unreachableIsRetriedThenReported() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    PrometheusClient client = new PrometheusClient(HttpClient.newHttpClient(),
        PrometheusEndpoint.of("http://127.0.0.1:" + port, Credentials.NONE, Duration.ofSeconds(2)),
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)), sleeps::add, EngineListener.NONE);
    assertThatThrownBy(() -> client.query("up", null)).isInstanceOf(PrometheusException.class)
        .hasMessageContaining("cannot reach http://127.0.0.1:" + port);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void sendsCredentialsButNeverShowsThem() {
    reply(401, "Unauthorized");
    reply(403, "{\"status\":\"error\",\"errorType\":\"forbidden\",\"error\":\"nope\"}");
    assertThatThrownBy(() -> client(Credentials.bearer("s3cr3t-token"), Duration.ofSeconds(5)).query("up", null))
        .isInstanceOfSatisfying(PrometheusException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("401").hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> client(Credentials.basic("ci", "hunter2"), Duration.ofSeconds(5)).query("up", null))
        .hasMessageNotContaining("hunter2");
    assertThat(authorizations).containsExactly("Bearer s3cr3t-token", "Basic Y2k6aHVudGVyMg==");
    assertThat(Credentials.basic("ci", "hunter2").toString()).doesNotContain("hunter2");
  }

  static final String TOKEN = "planted-S3CR3T-7f3a9c";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a string sample | {\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"abc\"]]}]} | sample value 'abc' is not a number",
      "Java's Infinity | {\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"Infinity\"]]}]} | is not a number",
      "a hex float | {\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"0x1p3\"]]}]} | is not a number",
      "a padded number | {\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\" 1\"]]}]} | is not a number",
      "a number sample | {\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,1.5]]}]} | not [time, \"value\"]",
      "a sample of one | {\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1]]}]} | not [time, \"value\"]",
      "a text time | {\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[\"1\",\"1\"]]}]} | not [time, \"value\"]",
      "a scalar | {\"resultType\":\"scalar\",\"result\":[1,\"1\"]} | expected a matrix result, got resultType 'scalar'",
      "a string | {\"resultType\":\"string\",\"result\":[1,\"up\"]} | expected a matrix result, got resultType 'string'",
      "a vector | {\"resultType\":\"vector\",\"result\":[]} | expected a matrix result, got resultType 'vector'",
      "no result type | {\"result\":[]} | got no resultType",
      "a result that is no list | {\"resultType\":\"matrix\",\"result\":{}} | not a list of series",
      "a series that is no object | {\"resultType\":\"matrix\",\"result\":[7]} | a series without samples"})
  void aRangeQueryAnsweredWithAnythingButANumericMatrixIsABadResponse(String name, String data, String message) {
    reply(200, "{\"status\":\"success\",\"data\":" + data + "}");
    assertThatThrownBy(() -> client(Credentials.NONE, Duration.ofSeconds(5)).queryRange("up", 0, 60000, 60000))
        .isInstanceOfSatisfying(PrometheusException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.errorType()).isEqualTo("bad_response");
        }).hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "401 echoing the header | 401 | text/plain | Unauthorized: Authorization: Bearer TOKEN is not valid",
      "401 echoing the bare token | 401 | text/plain | token TOKEN expired",
      "403 as JSON | 403 | application/json | {\"status\":\"error\",\"errorType\":\"TOKEN\",\"error\":\"TOKEN\"}",
      "400 echoing it | 400 | application/json | {\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"bad TOKEN\"}",
      "502 echoing it url-encoded | 502 | text/html | <html>upstream got Bearer%20TOKEN</html>",
      "200 that is no API | 200 | text/html | <html>your token TOKEN</html>",
      "a label holding it | 200 | application/json | {\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":\"TOKEN\"},\"values\":[]},{\"metric\":{\"a\":\"b\"},\"values\":[]}]}}",
      "a sample holding it | 200 | application/json | {\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"TOKEN\"]]}]}}"})
  void aServerEchoingTheTokenNeverGetsItIntoAMessage(String name, int status, String type, String body) {
    for (int i = 0; i < 3; i++) {
      replies.add(new Reply(status, type, body.replace("TOKEN", TOKEN), 0));
    }
    List<String> messages = new ArrayList<>();
    PrometheusClient client = client(Credentials.bearer(TOKEN), Duration.ofSeconds(5));
    try {
      QueryResult result = client.queryRange("up", 0, 60000, 60000);
      result.series().forEach(series -> messages.add(series.labels().toString()));
      messages.addAll(result.warnings());
    } catch (PrometheusException e) {
      messages.add(e.getMessage());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertThat(authorizations).first().isEqualTo("Bearer " + TOKEN);
    assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContain("S3CR3T"));
  }

  @Test
  void aTokenThatCannotGoInAHeaderIsRefusedWithoutShowingIt() {
    for (String token : List.of("S3CR3T\nX-Injected: 1", "S3CR3T with spaces", "S3CR3T\u00e9")) {
      assertThatThrownBy(() -> Credentials.bearer("spec.prometheus.tokenEnv", token))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("spec.prometheus.tokenEnv"))
          .hasMessageNotContaining("S3CR3T");
    }
  }

  @Test
  void refusesCredentialsInTheUrl() {
    assertThatThrownBy(() -> PrometheusEndpoint.of("http://u:pw@prom:9090", Credentials.NONE, Duration.ofSeconds(1)))
        .hasMessageNotContaining("pw").hasMessageContaining("user info").hasMessageContaining("@prom:9090");
  }
}
