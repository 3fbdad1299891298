package io.rolloutpilot.core.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How we reach one cluster: the fabric8 client plus a description of the credentials in use
 * (their source, never their value) for error messages.
 *
 * <p>Requests that fail with 429, 5xx or a broken connection are retried by the client with
 * exponential backoff: {@code RETRY_LIMIT} retries starting at {@code RETRY_INTERVAL_MS}, doubling,
 * so a request gives up after roughly 6 s of faults rather than hanging a pipeline.
 */
public record ClusterConnection(KubernetesClient client, String credentials) implements AutoCloseable {
  public static final int RETRY_LIMIT = 5;
  public static final int RETRY_INTERVAL_MS = 200;

  /**
   * Connects with a kubeconfig file (or the default chain: {@code KUBECONFIG}, {@code ~/.kube/config},
   * in-cluster service account when {@code kubeconfig} is null), an optional context and namespace.
   */
  public static ClusterConnection open(Path kubeconfig, String context, String namespace) {
    return open(loadConfig(kubeconfig, context), namespace);
  }

  /** Reads a kubeconfig file, or the default chain when {@code kubeconfig} is null. */
  public static Config loadConfig(Path kubeconfig, String context) {
    Config base;
    if (kubeconfig != null) {
      if (!Files.isReadable(kubeconfig)) {
        throw new ClusterException(ClusterException.Kind.UNREACHABLE,
            "kubeconfig " + kubeconfig + " does not exist or cannot be read");
      }
      try {
        base = Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
      } catch (java.io.IOException | RuntimeException e) {
        throw new ClusterException(ClusterException.Kind.UNREACHABLE,
            "kubeconfig " + kubeconfig + " could not be read: " + e.getClass().getSimpleName());
      }
    } else {
      base = Config.autoConfigure(context);
    }
    return base;
  }

  public static ClusterConnection open(Config base, String namespace) {
    return open(base, namespace, builder -> {});
  }

  /** As {@link #open(Config, String)}, letting a caller add to the client (a request counter, an executor). */
  public static ClusterConnection open(Config base, String namespace, Consumer<KubernetesClientBuilder> customizer) {
    ConfigBuilder builder = new ConfigBuilder(base)
        .withRequestRetryBackoffLimit(RETRY_LIMIT)
        .withRequestRetryBackoffInterval(RETRY_INTERVAL_MS);
    if (namespace != null) {
      builder.withNamespace(namespace);
    }
    Config config = builder.build();
    KubernetesClientBuilder clientBuilder = new KubernetesClientBuilder().withConfig(config);
    customizer.accept(clientBuilder);
    KubernetesClient client = clientBuilder.build();
    return new ClusterConnection(client, describeCredentials(config));
  }

  /** The namespace requests go to when the caller names none. */
  public String namespace() {
    String ns = client.getNamespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  static String describeCredentials(Config config) {
    String where = config.getCurrentContext() == null ? "the default configuration"
        : "kubeconfig context '" + config.getCurrentContext().getName() + "'"
            + (config.getCurrentContext().getContext() != null && config.getCurrentContext().getContext().getUser() != null
                ? " (user '" + config.getCurrentContext().getContext().getUser() + "')" : "");
    String kind;
    if (config.getAuthProvider() != null) {
      kind = "an auth-provider token";
    } else if (config.getOauthToken() != null || config.getAutoOAuthToken() != null) {
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
