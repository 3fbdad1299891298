package io.rolloutpilot.core.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;

/**
 * How we reach one cluster: the fabric8 client plus a description of the credentials in use
 * (their source, never their value) for error messages.
 *
 * <p>Requests that fail with 429, 5xx or a broken connection are retried by the client with
 * exponential backoff: {@code RETRY_LIMIT} retries starting at {@code RETRY_INTERVAL_MS}, doubling,
 * so a request gives up after roughly 6 s of faults rather than hanging a pipeline. Every request has
 * a connect timeout, a timeout for the response headers and one for the body after them (the JDK
 * client bounds only the headers), so a server that accepts and then stalls fails the request too; and
 * {@link ClusterCalls} bounds each call with its retries.
 */
public final class ClusterConnection implements AutoCloseable {
  public static final int RETRY_LIMIT = 5;
  public static final int RETRY_INTERVAL_MS = 200;
  public static final int CONNECT_TIMEOUT_MS = 10_000;
  /** How long the status line and headers of a response may take. */
  public static final int REQUEST_TIMEOUT_MS = 10_000;
  /** How long the body of a response may take after its headers. */
  public static final int BODY_TIMEOUT_MS = 10_000;

  private final KubernetesClient client;
  private final String credentials;
  private final ScheduledThreadPoolExecutor timer;
  private final ClusterCalls calls;
  private final Redaction.Remembered secrets;

  private ClusterConnection(KubernetesClient client, Config config, ScheduledThreadPoolExecutor timer) {
    this.client = client;
    this.credentials = describeCredentials(config);
    this.timer = timer;
    this.calls = new ClusterCalls(credentials, Clock.systemUTC());
    this.secrets = Redaction.remember(secretsOf(config));
  }

  /** Connects as the front end resolved the access: a kubeconfig file, or the pod's service account. */
  public static ClusterConnection open(ClusterAccess access) {
    Config config = access instanceof ClusterAccess.Kubeconfig kubeconfig ? KubeconfigFile.load(kubeconfig)
        : inCluster((ClusterAccess.InCluster) access);
    return open(config, access.namespace());
  }

  /** For an already resolved configuration, such as the sandbox's. */
  public static ClusterConnection open(Config base, String namespace) {
    return open(base, namespace, builder -> {});
  }

  /**
   * As {@link #open(Config, String)}, letting a caller add to the HTTP client (a request counter); what it
   * adds comes on top of the connection's own timeouts, never instead of them.
   */
  public static ClusterConnection open(Config base, String namespace, Consumer<HttpClient.Builder> customizer) {
    ConfigBuilder builder = new ConfigBuilder(base)
        .withRequestRetryBackoffLimit(RETRY_LIMIT)
        .withRequestRetryBackoffInterval(RETRY_INTERVAL_MS)
        .withConnectionTimeout(CONNECT_TIMEOUT_MS)
        .withRequestTimeout(REQUEST_TIMEOUT_MS);
    if (namespace != null) {
      builder.withNamespace(namespace);
    }
    Config config = builder.build();
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "rollout-pilot-response-deadline");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true); // a body that arrived must not leave its deadline queued
    KubernetesClientBuilder clientBuilder = new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(http -> {
          http.addOrReplaceInterceptor("rollout-pilot-response-deadline",
              new ResponseDeadline(timer, Duration.ofMillis(BODY_TIMEOUT_MS)));
          customizer.accept(http);
        });
    try {
      return new ClusterConnection(clientBuilder.build(), config, timer);
    } catch (RuntimeException e) {
      timer.shutdownNow();
      // never the library's message: it may quote the certificate or key it could not use
      throw new InvalidInputException("kubeconfig", "the credentials of " + describeSource(config)
          + " cannot be used (" + e.getClass().getSimpleName() + "): check its certificate, key and CA data");
    }
  }

  /**
   * The values a server could echo, or a library put into a message: masked while this connection lives,
   * and engine errors are worded (and redacted) while it does.
   */
  private static List<String> secretsOf(Config config) {
    return Arrays.asList(config.getOauthToken(), config.getAutoOAuthToken(), config.getPassword(),
        config.getClientKeyData(), config.getClientKeyPassphrase());
  }

  /**
   * The service account's token is read on every request, not once: the kubelet rotates projected
   * tokens, and a Jenkins agent pod lives longer than one token.
   */
  private static Config inCluster(ClusterAccess.InCluster access) {
    Path account = access.serviceAccount();
    Path token = account.resolve("token");
    if (!Files.isReadable(token)) {
      throw new InvalidInputException("kubeconfig", "no kubeconfig was given and the service account token "
          + token + " cannot be read, so this is not a pod with a service account");
    }
    String namespace = access.namespace() != null ? access.namespace() : readOrNull(account.resolve("namespace"));
    ConfigBuilder builder = new ConfigBuilder(Config.empty())
        .withMasterUrl("https://" + hostForUrl(access.host()) + ":" + access.port())
        .withCaCertFile(account.resolve("ca.crt").toString())
        .withOauthTokenProvider(() -> readOrNull(token))
        .withNamespace(namespace);
    return builder.build();
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String readOrNull(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return null;
    }
  }

  public KubernetesClient client() {
    return client;
  }

  /** Where the credentials came from and what kind they are, never their value. */
  public String credentials() {
    return credentials;
  }

  /** Runs blocking calls within their budget; closed with this connection. */
  public ClusterCalls calls() {
    return calls;
  }

  /** The namespace requests go to when the caller names none. */
  public String namespace() {
    String ns = client.getNamespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  static String describeCredentials(Config config) {
    String kind;
    if (config.getAuthProvider() != null) {
      kind = "an auth-provider token";
    } else if (config.getOauthToken() != null || config.getAutoOAuthToken() != null
        || config.getOauthTokenProvider() != null) {
      kind = "a bearer token";
    } else if (config.getClientCertData() != null || config.getClientCertFile() != null) {
      kind = "a client certificate";
    } else if (config.getUsername() != null) {
      kind = "basic auth for user '" + config.getUsername() + "'";
    } else {
      kind = "no credentials";
    }
    return kind + " from " + describeSource(config) + " against " + config.getMasterUrl();
  }

  private static String describeSource(Config config) {
    return config.getCurrentContext() == null ? "the pod's service account"
        : "kubeconfig context '" + config.getCurrentContext().getName() + "'"
            + (config.getCurrentContext().getContext() != null && config.getCurrentContext().getContext().getUser() != null
                ? " (user '" + config.getCurrentContext().getContext().getUser() + "')" : "");
  }

  @Override
  public void close() {
    try {
      calls.close();
      client.close();
    } finally {
      timer.shutdownNow();
      secrets.close();
    }
  }
}
