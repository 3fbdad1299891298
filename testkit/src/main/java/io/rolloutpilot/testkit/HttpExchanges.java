package io.rolloutpilot.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the test servers built on the JDK's HTTP server share: replying, and reading form fields. */
public final class HttpExchanges {
  private HttpExchanges() {}

  /** Sends {@code status} with {@code headers} and {@code body} (no body at all when it is empty). */
  public static void reply(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * The fields of a query string or a form-encoded body, decoded, in order; a name may repeat, and
   * one without {@code =} has the empty value. Null reads as no fields.
   */
  public static Map<String, List<String>> formFields(String raw) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return fields;
  }
}
