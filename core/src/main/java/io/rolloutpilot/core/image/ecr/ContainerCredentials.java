package io.rolloutpilot.core.image.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Credentials from a container credentials endpoint: EKS Pod Identity or ECS task roles. The SDK's own
 * provider reads the endpoint and its authorization token from the process environment only, so this
 * one takes them from the variables a front end passed: {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} (or
 * {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} on the ECS agent) and the token in
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE}, read again at each refresh because it rotates, or
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}. Credentials are kept until five minutes before they expire.
 */
final class ContainerCredentials implements AwsCredentialsProvider {
  private static final String ECS_AGENT = "http://169.254.170.2";
  /** The ECS agent and the EKS Pod Identity agent (IPv4 and IPv6), which serve plain HTTP on link-local addresses. */
  private static final Set<String> AGENT_HOSTS = Set.of("169.254.170.2", "169.254.170.23", "[fd00:ec2::23]");
  private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private final URI uri;
  private final String token;
  private final Path tokenFile;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock;
  private AwsSessionCredentials cached;
  private Instant refreshAt = Instant.MIN;

  private ContainerCredentials(URI uri, String token, Path tokenFile, Clock clock) {
    this.clock = clock;
    this.uri = uri;
    this.token = token;
    this.tokenFile = tokenFile;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The provider the variables describe; null when they name no endpoint. */
  static ContainerCredentials from(AwsEnvironment environment, Clock clock) {
    URI uri = environment.get(AwsEnvironment.CONTAINER_FULL_URI).map(URI::create)
        .or(() -> environment.get(AwsEnvironment.CONTAINER_RELATIVE_URI).map(path -> URI.create(ECS_AGENT + path)))
        .orElse(null);
    if (uri == null) {
      return null;
    }
    if (!"https".equals(uri.getScheme()) && !allowedPlainHost(uri)) {
      throw new IllegalArgumentException(AwsEnvironment.CONTAINER_FULL_URI + " must be https, or http on a loopback"
          + " address or the container credentials agent; it names " + uri.getScheme() + "://" + uri.getHost());
    }
    return new ContainerCredentials(uri, environment.get(AwsEnvironment.CONTAINER_TOKEN).orElse(null),
        environment.get(AwsEnvironment.CONTAINER_TOKEN_FILE).map(Path::of).orElse(null), clock);
  }

  private static boolean allowedPlainHost(URI uri) {
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      return false;
    }
    if (AGENT_HOSTS.contains(uri.getHost())) {
      return true;
    }
    try {
      return InetAddress.getByName(uri.getHost()).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public synchronized AwsCredentials resolveCredentials() {
    if (cached == null || !clock.instant().isBefore(refreshAt)) {
      fetch();
    }
    return cached;
  }

  private void fetch() {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(5));
    String authorization = authorization();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw failure("answered " + response.statusCode(), null);
      }
      JsonNode body = json.readTree(response.body());
      Instant expiration = body.hasNonNull("Expiration") ? Instant.parse(body.path("Expiration").asText())
          : clock.instant().plus(Duration.ofHours(1));
      cached = AwsSessionCredentials.builder().accessKeyId(body.path("AccessKeyId").asText())
          .secretAccessKey(body.path("SecretAccessKey").asText()).sessionToken(body.path("Token").asText())
          .expirationTime(expiration).providerName("ContainerCredentials").build();
      refreshAt = expiration.minus(REFRESH_BEFORE_EXPIRY);
    } catch (IOException | RuntimeException e) {
      throw e instanceof SdkClientException sdk ? sdk : failure("could not be read (" + e.getClass().getSimpleName()
          + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("was interrupted", e);
    }
  }

  private String authorization() {
    if (tokenFile == null) {
      return token;
    }
    try {
      return Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw failure("has no readable authorization token file " + tokenFile, e);
    }
  }

  /** Names the endpoint by scheme, host and path: never the token, never a query. */
  private SdkClientException failure(String problem, Throwable cause) {
    return SdkClientException.builder().message("the container credentials endpoint " + uri.getScheme() + "://"
        + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath() + " " + problem)
        .cause(cause).build();
  }
}
