package io.rolloutpilot.testkit.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An HTTP server on a loopback port that answers the Prometheus API as a script says: for answers no real
 * Prometheus gives (a string sample, a scalar to a range query, a proxy's 401 echoing the credentials). The
 * script sees each request's form; {@link #matrix} builds a well-formed range answer on the request's grid.
 */
public final class ScriptedPrometheus implements AutoCloseable {
  /** An answer: status, content type and body. */
  public record Reply(int status, String contentType, String body) {
    public static Reply json(String body) {
      return new Reply(200, "application/json", body);
    }
  }

  private final HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  private ScriptedPrometheus(HttpServer server) {
    this.server = server;
  }

  /** @param script the answer to a request, from its form fields (query, start, end, step) */
  public static ScriptedPrometheus start(Function<Map<String, String>, Reply> script) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ScriptedPrometheus prometheus = new ScriptedPrometheus(server);
    server.createContext("/api/v1/", exchange -> prometheus.answer(exchange, script));
    server.start();
    return prometheus;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The Authorization headers received, in order (null where none was sent). */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** A matrix of one series on the request's grid, the value of each point from its index. */
  public static Reply matrix(Map<String, String> form, Function<Integer, String> value) {
    double start = Double.parseDouble(form.get("start"));
    double end = Double.parseDouble(form.get("end"));
    double step = Double.parseDouble(form.get("step"));
    StringBuilder values = new StringBuilder();
    int i = 0;
    for (double t = start; t <= end + 1e-9; t += step, i++) {
      values.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.3f,\"%s\"]", t, value.apply(i)));
    }
    return Reply.json("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
        + "\"values\":[" + values + "]}]}}");
  }

  private void answer(HttpExchange exchange, Function<Map<String, String>, Reply> script) throws IOException {
    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
    Reply reply = script.apply(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
