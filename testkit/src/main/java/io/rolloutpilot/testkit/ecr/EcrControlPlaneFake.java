package io.rolloutpilot.testkit.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rolloutpilot.testkit.HttpExchanges;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ECR control plane over real HTTP, speaking the AWS JSON 1.1 protocol the SDK uses:
 * GetAuthorizationToken (tokens whose password opens the rig's data plane), DescribeRepositories,
 * CreateRepository, StartImageScan and DescribeImageScanFindings. Used instead of moto because the token
 * must open a local registry, expire on demand, and scans must refer to images pushed to that registry.
 */
public final class EcrControlPlaneFake implements AutoCloseable {
  public static final String ACCOUNT = "123456789012";

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, ObjectNode> repositories = new ConcurrentHashMap<>();
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> scanPolls = new ConcurrentHashMap<>();
  private final AtomicInteger tokenCalls = new AtomicInteger();
  private final List<SignedCall> calls = new CopyOnWriteArrayList<>();
  private final String region;
  private volatile URI proxyEndpoint;
  private volatile Duration tokenLifetime = Duration.ofHours(12);
  private volatile String fixedPassword;
  private volatile ScanPlan scanPlan;

  private EcrControlPlaneFake(HttpServer server, String region) {
    this.server = server;
    this.region = region;
  }

  public static EcrControlPlaneFake start(String region, URI proxyEndpoint) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 16);
    EcrControlPlaneFake fake = new EcrControlPlaneFake(server, region);
    fake.proxyEndpoint = proxyEndpoint;
    server.createContext("/", fake::handle);
    server.start();
    return fake;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void proxyEndpoint(URI uri) {
    this.proxyEndpoint = uri;
  }

  public void tokenLifetime(Duration lifetime) {
    this.tokenLifetime = lifetime;
  }

  /** Every token carries this password (to open an htpasswd registry directly); null for a fresh one per call. */
  public void fixedPassword(String password) {
    this.fixedPassword = password;
  }

  public void scanPlan(ScanPlan plan) {
    this.scanPlan = plan;
  }

  /** Every call so far with who signed it. */
  public List<SignedCall> calls() {
    return List.copyOf(calls);
  }

  public int tokenCalls() {
    return tokenCalls.get();
  }

  /** Token validity for the data plane: null if never issued, else whether it has expired. */
  public Boolean tokenExpired(String password) {
    Instant expires = tokens.get(password);
    return expires == null ? null : !Instant.now().isBefore(expires);
  }

  /** Expires every token issued so far, like a credential rotation mid-push. */
  public void expireAllTokens() {
    tokens.replaceAll((k, v) -> Instant.EPOCH);
  }

  public boolean repositoryExists(String name) {
    return repositories.containsKey(name);
  }

  public boolean immutable(String name) {
    ObjectNode repo = repositories.get(name);
    return repo != null && "IMMUTABLE".equals(repo.path("imageTagMutability").asText());
  }

  public JsonNode repository(String name) {
    return repositories.get(name);
  }

  /** Adds a repository directly, as Terraform would have. */
  public void createRepository(String name, boolean immutable) {
    repositories.put(name, repositoryJson(name, immutable ? "IMMUTABLE" : "MUTABLE", false, "AES256"));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      calls.add(SignedCall.of(operation, exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRequestHeaders().getFirst("X-Amz-Security-Token")));
      try {
        reply(exchange, 200, dispatch(operation, body));
      } catch (AwsError e) {
        ObjectNode error = json.createObjectNode().put("__type", e.type).put("message", e.getMessage());
        reply(exchange, 400, error);
      }
    }
  }

  private JsonNode dispatch(String operation, JsonNode body) {
    return switch (operation) {
      case "GetAuthorizationToken" -> authorizationToken();
      case "DescribeRepositories" -> describeRepositories(body);
      case "CreateRepository" -> createRepository(body);
      case "StartImageScan" -> startImageScan(body);
      case "DescribeImageScanFindings" -> scanFindings(body);
      default -> throw new AwsError("UnknownOperationException", "the fake does not implement " + operation);
    };
  }

  private JsonNode authorizationToken() {
    tokenCalls.incrementAndGet();
    String password = fixedPassword != null ? fixedPassword : "ecr-" + UUID.randomUUID();
    Instant expires = Instant.now().plus(tokenLifetime);
    tokens.put(password, expires);
    String token = Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8));
    ObjectNode data = json.createObjectNode().put("authorizationToken", token)
        .put("expiresAt", expires.toEpochMilli() / 1000.0).put("proxyEndpoint", proxyEndpoint.toString());
    ObjectNode result = json.createObjectNode();
    result.putArray("authorizationData").add(data);
    return result;
  }

  private JsonNode describeRepositories(JsonNode body) {
    ArrayNode found = json.createArrayNode();
    for (JsonNode name : body.path("repositoryNames")) {
      ObjectNode repo = repositories.get(name.asText());
      if (repo == null) {
        throw new AwsError("RepositoryNotFoundException", "The repository with name '" + name.asText()
            + "' does not exist in the registry with id '" + ACCOUNT + "'");
      }
      found.add(repo);
    }
    ObjectNode result = json.createObjectNode();
    result.set("repositories", found);
    return result;
  }

  private JsonNode createRepository(JsonNode body) {
    String name = body.path("repositoryName").asText();
    if (repositories.containsKey(name)) {
      throw new AwsError("RepositoryAlreadyExistsException", "The repository with name '" + name
          + "' already exists in the registry with id '" + ACCOUNT + "'");
    }
    ObjectNode repo = repositoryJson(name, body.path("imageTagMutability").asText("MUTABLE"),
        body.path("imageScanningConfiguration").path("scanOnPush").asBoolean(false),
        body.path("encryptionConfiguration").path("encryptionType").asText("AES256"));
    repositories.put(name, repo);
    ObjectNode result = json.createObjectNode();
    result.set("repository", repo);
    return result;
  }

  private JsonNode startImageScan(JsonNode body) {
    String digest = body.path("imageId").path("imageDigest").asText();
    scanPolls.putIfAbsent(digest, new AtomicInteger());
    ObjectNode result = json.createObjectNode().put("repositoryName", body.path("repositoryName").asText());
    result.putObject("imageScanStatus").put("status", "IN_PROGRESS");
    return result;
  }

  private JsonNode scanFindings(JsonNode body) {
    String repository = body.path("repositoryName").asText();
    String digest = body.path("imageId").path("imageDigest").asText();
    ObjectNode repo = repositories.get(repository);
    boolean onPush = repo != null && repo.path("imageScanningConfiguration").path("scanOnPush").asBoolean();
    if (scanPlan == null || (!onPush && !scanPolls.containsKey(digest))) {
      throw new AwsError("ScanNotFoundException", "Image scan does not exist for the image with '{imageDigest:"
          + digest + "}' in the repository with name '" + repository + "'");
    }
    int polls = scanPolls.computeIfAbsent(digest, d -> new AtomicInteger()).incrementAndGet();
    ObjectNode result = json.createObjectNode().put("registryId", ACCOUNT).put("repositoryName", repository);
    result.putObject("imageId").put("imageDigest", digest);
    boolean done = polls > scanPlan.pollsInProgress();
    result.putObject("imageScanStatus").put("status", done ? "COMPLETE" : "IN_PROGRESS");
    if (done) {
      ObjectNode findings = result.putObject("imageScanFindings");
      ObjectNode counts = findings.putObject("findingSeverityCounts");
      scanPlan.counts().forEach(counts::put);
      ArrayNode list = findings.putArray("findings");
      scanPlan.findings().forEach(f -> list.addObject().put("name", f.name()).put("severity", f.severity())
          .put("uri", f.uri()));
    }
    return result;
  }

  private ObjectNode repositoryJson(String name, String mutability, boolean scanOnPush, String encryption) {
    ObjectNode repo = json.createObjectNode().put("registryId", ACCOUNT).put("repositoryName", name)
        .put("repositoryArn", "arn:aws:ecr:" + region + ":" + ACCOUNT + ":repository/" + name)
        .put("repositoryUri", proxyEndpoint.getRawAuthority() + "/" + name)
        .put("createdAt", Instant.now().getEpochSecond()).put("imageTagMutability", mutability);
    repo.putObject("imageScanningConfiguration").put("scanOnPush", scanOnPush);
    repo.putObject("encryptionConfiguration").put("encryptionType", encryption);
    return repo;
  }

  private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    HttpExchanges.reply(exchange, status, Map.of("Content-Type", "application/x-amz-json-1.1"),
        json.writeValueAsBytes(body));
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** An AWS error reply: {@code __type} and message. */
  private static final class AwsError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    AwsError(String type, String message) {
      super(message);
      this.type = type;
    }
  }
}
