package io.rolloutpilot.testkit.ecr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rolloutpilot.testkit.HttpExchanges;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * AWS STS over real HTTP, speaking the Query protocol the SDK uses for AssumeRole and
 * AssumeRoleWithWebIdentity: a form-encoded POST answered with XML temporary credentials (a fresh
 * {@code ASIA...} key id, secret and session token per call). Records who signed each call (nobody,
 * for web identity), the role asked for and the web identity token presented.
 */
public final class StsFake implements AutoCloseable {
  /** One call: the action, role and session name asked for, the caller's signature and any web identity token. */
  public record AssumeRole(String action, String roleArn, String sessionName, SignedCall caller, String webIdentityToken,
      String issuedKeyId, String issuedSecret, String issuedSessionToken) {}

  private final HttpServer server;
  private final List<AssumeRole> calls = new CopyOnWriteArrayList<>();

  private StsFake(HttpServer server) {
    this.server = server;
  }

  public static StsFake start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 16);
    StsFake fake = new StsFake(server);
    server.createContext("/", fake::handle);
    server.start();
    return fake;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<AssumeRole> calls() {
    return List.copyOf(calls);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> form = HttpExchanges.formFields(
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      SignedCall caller = SignedCall.of(field(form, "Action"), exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"));
      String action = field(form, "Action");
      if (!"AssumeRole".equals(action) && !"AssumeRoleWithWebIdentity".equals(action)) {
        reply(exchange, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>the"
            + " fake implements AssumeRole and AssumeRoleWithWebIdentity only</Message></Error><RequestId>"
            + UUID.randomUUID() + "</RequestId></ErrorResponse>");
        return;
      }
      String suffix = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
      AssumeRole call = new AssumeRole(action, field(form, "RoleArn"), field(form, "RoleSessionName"), caller,
          field(form, "WebIdentityToken"), "ASIA" + suffix.substring(0, 16), "assumed-secret-" + suffix,
          "assumed-session-" + suffix);
      calls.add(call);
      reply(exchange, 200, response(call));
    }
  }

  private static String response(AssumeRole call) {
    String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    String role = call.roleArn().substring(call.roleArn().lastIndexOf('/') + 1);
    String action = call.action();
    return "<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action + "Result>"
        + "<Credentials><AccessKeyId>" + call.issuedKeyId() + "</AccessKeyId><SecretAccessKey>" + call.issuedSecret()
        + "</SecretAccessKey><SessionToken>" + call.issuedSessionToken() + "</SessionToken><Expiration>" + expiration
        + "</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::" + EcrControlPlaneFake.ACCOUNT
        + ":assumed-role/" + role + "/" + call.sessionName() + "</Arn><AssumedRoleId>AROAFAKE:" + call.sessionName()
        + "</AssumedRoleId></AssumedRoleUser></" + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID()
        + "</RequestId></ResponseMetadata></" + action + "Response>";
  }

  private static String field(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null ? null : values.get(0);
  }

  private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
    HttpExchanges.reply(exchange, status, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
