package io.rolloutpilot.core.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How we reach one cluster: the fabric8 client plus a description of the credentials in use
 * (their source, never their value) for error messages.
 *
 * <p>Requests that fail with 429, 5xx or a broken connection are retried by the client with
 * exponential backoff: {@code RETRY_LIMIT} retries starting at {@code RETRY_INTERVAL_MS}, doubling,
 * so a request gives up after roughly 6 s of faults rather than hanging a pipeline. Every request
 * has a connect and a response timeout, so a server that accepts and then stalls fails it too.
 */
public record ClusterConnection(KubernetesClient client, String credentials) implements AutoCloseable {
  public static final int RETRY_LIMIT = 5;
  public static final int RETRY_INTERVAL_MS = 200;
  public static final int CONNECT_TIMEOUT_MS = 10_000;
  public static final int REQUEST_TIMEOUT_MS = 30_000;

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

  /** As {@link #open(Config, String)}, letting a caller add to the client (a request counter, an executor). */
  public static ClusterConnection open(Config base, String namespace, Consumer<KubernetesClientBuilder> customizer) {
    ConfigBuilder builder = new ConfigBuilder(base)
        .withRequestRetryBackoffLimit(RETRY_LIMIT)
        .withRequestRetryBackoffInterval(RETRY_INTERVAL_MS)
        .withConnectionTimeout(CONNECT_TIMEOUT_MS)
        .withRequestTimeout(REQUEST_TIMEOUT_MS);
    if (namespace != null) {
      builder.withNamespace(namespace);
    }
    Config config = builder.build();
    KubernetesClientBuilder clientBuilder = new KubernetesClientBuilder().withConfig(config);
    customizer.accept(clientBuilder);
    KubernetesClient client = clientBuilder.build();
    return new ClusterConnection(client, describeCredentials(config));
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

  /** The namespace requests go to when the caller names none. */
  public String namespace() {
    String ns = client.getNamespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  static String describeCredentials(Config config) {
    String where = config.getCurrentContext() == null ? "the pod's service account"
        : "kubeconfig context '" + config.getCurrentContext().getName() + "'"
            + (config.getCurrentContext().getContext() != null && config.getCurrentContext().getContext().getUser() != null
                ? " (user '" + config.getCurrentContext().getContext().getUser() + "')" : "");
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
    return kind + " from " + where + " against " + config.getMasterUrl();
  }

  @Override
  public void close() {
    client.close();
  }
}
